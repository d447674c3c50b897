// Package synth writes deterministic synthetic sites for benchmarks: N
// roles with realistic front-matter, four to six KPOs, interviewers and
// about 600 words of Markdown each. Role i depends only on i, so the first
// hundred roles of a 10,000-role site are the 100-role site.
package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Site returns the files of an n-role site, keyed by their path in the
// content folder.
func Site(n int) map[string][]byte {
	files := map[string][]byte{"site.yaml": []byte(siteYAML), "company/growth.md": []byte(companyPage)}
	for i := 1; i <= n; i++ {
		files[RoleFile(i)] = Role(i)
	}
	return files
}

// FS returns an n-role site as an in-memory file system.
func FS(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for p, b := range Site(n) {
		m[p] = &fstest.MapFile{Data: b}
	}
	return m
}

// MaxRoles is the most roles a synthetic site has: about 600 MB of
// content, five times the largest site the README measures.
const MaxRoles = 100_000

// ErrNotEmpty is returned by Write for a folder that already has files.
var ErrNotEmpty = errors.New("folder is not empty")

// Write writes an n-role site into dir (the content folder), one file at
// a time. It refuses a folder that has anything in it, and never
// overwrites a file.
func Write(dir string, n int) error {
	if n < 1 || n > MaxRoles {
		return fmt.Errorf("a synthetic site has 1 to %d roles, not %d", MaxRoles, n)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s: %w (synth writes a whole site: give it a new or empty folder)", dir, ErrNotEmpty)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	for _, sub := range []string{"company", "roles"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := create(dir, "site.yaml", []byte(siteYAML)); err != nil {
		return err
	}
	if err := create(dir, "company/growth.md", []byte(companyPage)); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		if err := create(dir, RoleFile(i), Role(i)); err != nil {
			return err
		}
	}
	return nil
}

// create writes a new file at the slash-separated path p in dir.
func create(dir, p string, b []byte) error {
	f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(p)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// RoleFile is the path of role i.
func RoleFile(i int) string { return fmt.Sprintf("roles/role-%05d.md", i) }

const siteYAML = `title: Careers at Synthetic Ledger
company: {name: Synthetic Ledger, url: "https://synthetic.example"}
base_url: https://synthetic.github.io/careers/
timezone: America/New_York
equal_opportunity: Synthetic Ledger is an equal opportunity employer.
accommodations: "mailto:talent@synthetic.example"
guides: {protect: none}
defaults:
  reverse_interview: {offered: true, minutes: 45, request: "mailto:talent@synthetic.example"}
  feedback: {promise: Written feedback within five business days.}
`

const companyPage = `---
title: How we invest in your growth
defaults:
  development:
    people: [A mentor outside your team]
    resources: [A yearly learning budget]
    opportunities: [Lead a cross-team project in your first year]
---
We invest in people through mentors, budgets and real stretch projects.
`

var (
	levels   = []string{"Junior", "", "Senior", "Staff", "Lead", "Principal"}
	jobs     = []string{"Software Engineer", "Product Manager", "Data Analyst", "Support Specialist", "Account Executive", "Designer", "Site Reliability Engineer", "Marketing Manager", "Finance Analyst", "Recruiter"}
	teams    = []string{"Engineering", "Product", "Data", "Customer Support", "Sales", "Design", "Platform", "Marketing", "Finance", "People"}
	modes    = []string{"remote", "hybrid", "onsite"}
	verbs    = []string{"Lead", "Build", "Cut", "Launch", "Rework", "Grow", "Ship", "Set up", "Reduce", "Run"}
	objects  = []string{"the onboarding flow for new customers", "the quarterly planning process with sales and finance", "the reporting pipeline behind the monthly close", "the support hand-off between time zones", "the pricing page experiment program", "the incident review practice", "the partner integration with two banks", "the hiring loop for the team", "the data quality checks for invoices", "the launch of the mobile approvals app"}
	results  = []string{"time to first value falls from six weeks to four", "all three teams sign off on one plan", "the close finishes two days sooner", "no customer explains a problem twice", "conversion rises by a tenth", "repeat incidents halve", "both banks are live with fewer than five support tickets a week", "offers go out within three weeks of first contact", "invoice errors fall below one in a thousand", "a thousand customers use it weekly"}
	frames   = []string{"first 90 days", "first six months", "by the end of the first year", "within two quarters", "first 60 days"}
	first    = []string{"Ana", "Ben", "Chloé", "Dev", "Eitan", "Fatima", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena"}
	last     = []string{"Ortiz", "Nguyen", "Müller", "Okafor", "Sato", "Kowalski", "Haddad", "Larsen", "Silva", "Brennan"}
	words    = strings.Fields("the team works with customers across time zones to deliver reliable accounting software that small businesses trust every month we plan carefully write things down share context openly and review our results together so that each person can grow while the product improves steadily for everyone who depends on it")
	traitSet = []string{"reliable", "independent", "collaborative"}
)

// Role returns the Markdown file of role i.
func Role(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 0x9e3779b97f4a7c15))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b strings.Builder
	title := strings.TrimSpace(pick(levels) + " " + pick(jobs))
	mode := pick(modes)
	fmt.Fprintf(&b, "---\ntitle: %s %d\nsummary: Help Synthetic Ledger's customers close their books with confidence.\nteam: %s\n", title, i, pick(teams))
	fmt.Fprintf(&b, "location: %s\ncountry: US\nwork_mode: %s\nemployment_type: FULL_TIME\n", map[string]string{"remote": "Remote, United States", "hybrid": "New York, hybrid", "onsite": "New York office"}[mode], mode)
	if mode == "remote" {
		b.WriteString("applicant_countries: [US, CA]\n")
	} else {
		b.WriteString("region: NY\ncity: New York\n")
	}
	lo := 60000 + r.IntN(80)*1000
	fmt.Fprintf(&b, "salary: {min: %d, max: %d, currency: USD, period: YEAR}\n", lo, lo+20000)
	fmt.Fprintf(&b, "posted: 2026-%02d-%02d\ncloses: 2099-%02d-%02d\n", 1+r.IntN(10), 1+r.IntN(28), 1+r.IntN(12), 1+r.IntN(28))
	fmt.Fprintf(&b, "apply: https://jobs.synthetic.example/apply/%d\n", i)
	nk := 4 + r.IntN(3)
	b.WriteString("kpos:\n")
	for k := 1; k <= nk; k++ {
		fmt.Fprintf(&b, "  - id: k%d\n    title: %s %s\n    outcome: %s\n    timeframe: %s\n", k, pick(verbs), pick(objects), pick(results), pick(frames))
		if mode != "onsite" {
			fmt.Fprintf(&b, "    traits: [%s]\n", traitSet[(k-1)%3])
		}
		fmt.Fprintf(&b, "    probes:\n      - What did you decide to leave out, and why?\n      - Who disagreed with you, and how did it end?\n")
	}
	fmt.Fprintf(&b, "development:\n  technical: Pair with the architects on %s.\n  leadership: Lead a small squad by month six.\n", pick(objects))
	b.WriteString("interviewers:\n")
	for v := 0; v < 3; v++ {
		fmt.Fprintf(&b, "  - name: %s %s\n    title: %s\n    covers: [k%d, k%d]\n", pick(first), pick(last), pick(jobs), 1+v, 4+v%(nk-3))
	}
	fmt.Fprintf(&b, "internal:\n  notes: Requisition %d; budget approved.\n---\n", 1000+i)
	body(&b, r, pick)
	return []byte(b.String())
}

// body writes about 600 words of Markdown.
func body(b *strings.Builder, r *rand.Rand, pick func([]string) string) {
	para := func(n int) {
		for w := 0; w < n; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			word := pick(words)
			switch r.IntN(40) {
			case 0:
				word = "**" + word + "**"
			case 1:
				word = "*" + word + "*"
			}
			b.WriteString(word)
		}
		b.WriteString(".\n\n")
	}
	sections := []string{"About the team", "What you will do", "How we work", "What we offer"}
	for s, h := range sections {
		fmt.Fprintf(b, "## %s\n\n", h)
		para(68)
		if s%2 == 0 {
			fmt.Fprintf(b, "### In practice\n\n")
		}
		for l := 0; l < 4; l++ {
			b.WriteString("- ")
			para(6)
		}
		para(45)
	}
	b.WriteString("Read about [how we invest in your growth](/company/growth/).\n")
}
