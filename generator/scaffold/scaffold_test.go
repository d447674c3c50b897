package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/scaffold"
	"gopkg.in/yaml.v3"
)

type workflow struct {
	On struct {
		Push     map[string]any   `yaml:"push"`
		Schedule []map[string]any `yaml:"schedule"`
	} `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Needs any `yaml:"needs"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestInitWritesAWorkingSiteAndWorkflow(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme", Version: "v1.2.3"}, false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatalf("workflow is not YAML: %v", err)
	}
	if w.Permissions["pages"] != "write" || w.Permissions["id-token"] != "write" {
		t.Errorf("permissions %v lack pages: write and id-token: write", w.Permissions)
	}
	// Hourly: a role closes at midnight in the site's time zone, which
	// no one daily hour in UTC reaches in every zone and season.
	if len(w.On.Schedule) == 0 || w.On.Schedule[0]["cron"] == nil {
		t.Error("no schedule")
	} else if fields := strings.Fields(w.On.Schedule[0]["cron"].(string)); len(fields) != 5 || fields[1] != "*" || fields[2] != "*" || fields[3] != "*" || fields[4] != "*" {
		t.Errorf("schedule %v is not hourly", fields)
	}
	uses := map[string]bool{}
	var depth any
	var run, secret string
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			name, _, _ := strings.Cut(s.Uses, "@")
			uses[name] = true
			if name == "actions/checkout" {
				depth = s.With["fetch-depth"]
			}
			if s.Run != "" {
				run = s.Run
				secret = s.Env["HIREBOOK_GUIDE_PASSPHRASE"]
			}
		}
	}
	for _, a := range []string{"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} {
		if !uses[a] {
			t.Errorf("workflow does not use %s", a)
		}
	}
	if depth != 0 {
		t.Errorf("checkout fetch-depth = %v, want 0 (full history for posted dates)", depth)
	}
	if secret != "${{ secrets.HIREBOOK_GUIDE_PASSPHRASE }}" {
		t.Errorf("passphrase comes from %q, not the repository secret", secret)
	}
	if !strings.Contains(run, "hirebook@v1.2.3 build") || !strings.Contains(run, "steps.pages.outputs.base_url") {
		t.Errorf("build step %q does not pin the version or take the base URL from configure-pages", run)
	}
	_, diags := generator.Check(generator.Options{Content: filepath.Join(dir, "content")})
	if diags.HasErrors() {
		t.Errorf("the new site does not check cleanly:\n%v", diags.Errors())
	}
}

func TestInitRefusesANonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); !errors.Is(err, scaffold.ErrNotEmpty) {
		t.Fatalf("want ErrNotEmpty, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		t.Fatal("a refused init wrote files")
	}
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, true); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("force changed an existing file")
	}
}

func TestNewRoleListsEveryKeyAndRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); err != nil {
		t.Fatal(err)
	}
	contentDir := filepath.Join(dir, "content")
	out, err := scaffold.NewRole(contentDir, "Payroll Specialist: EMEA", "", time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(out) != "payroll-specialist-emea.md" {
		t.Errorf("file %s", out)
	}
	b, _ := os.ReadFile(out)
	for _, key := range []string{"title", "summary", "team", "location", "country", "region", "city", "applicant_countries", "work_mode", "employment_type",
		"salary", "posted", "closes", "status", "apply", "aliases", "kpos", "traits", "probes", "development", "interviewers", "reverse_interview",
		"feedback", "internal", "params", "language", "lint", "goals", "works_with"} {
		if !strings.Contains(string(b), key+":") {
			t.Errorf("new role does not mention %s", key)
		}
	}
	site, diags := generator.Check(generator.Options{Content: contentDir, Drafts: true})
	if diags.HasErrors() {
		t.Fatalf("the new role does not check: %v", diags.Errors())
	}
	var found bool
	for _, r := range site.Roles {
		if r.Slug == "payroll-specialist-emea" {
			found = r.Title == "Payroll Specialist: EMEA" && r.Status == "draft"
		}
	}
	if !found {
		t.Error("the new role did not load as a draft with its title")
	}
	os.WriteFile(out, []byte("edited"), 0o644)
	if _, err := scaffold.NewRole(contentDir, "Payroll Specialist: EMEA", "", time.Now()); err == nil {
		t.Fatal("new role overwrote an existing file")
	}
	if b, _ := os.ReadFile(out); string(b) != "edited" {
		t.Fatal("the existing file changed")
	}
}

// Names and titles that YAML would read as something else (a mapping, a
// comment, null, a list, a complex key) are written so they read back as
// the same text.
func TestNamesAndTitlesReadBackAsWritten(t *testing.T) {
	for _, name := range []string{"Acme: Labs", "@Home Co", "Acme #1 Staffing", "null", "- Dev", "? why", `Say "hi" \ bye`, "Two\nlines"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := scaffold.Init(dir, scaffold.SiteData{Company: name}, false); err != nil {
				t.Fatal(err)
			}
			contentDir := filepath.Join(dir, "content")
			if _, err := scaffold.NewRole(contentDir, name, "", time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			site, diags := generator.Check(generator.Options{Content: contentDir, Drafts: true})
			if diags.HasErrors() {
				t.Fatalf("the new site does not check:\n%v", diags.Errors())
			}
			want := strings.Join(strings.Fields(name), " ")
			if site.Config.Company.Name != want || site.Config.Title != "Careers at "+want {
				t.Errorf("company %q, title %q; want %q", site.Config.Company.Name, site.Config.Title, want)
			}
			if !strings.HasPrefix(site.Config.EqualOpportunity, want+" is an equal opportunity employer") {
				t.Errorf("equal_opportunity %q", site.Config.EqualOpportunity)
			}
			found := false
			for _, r := range site.Roles {
				found = found || r.Title == want
			}
			if !found {
				t.Errorf("no role titled %q", want)
			}
		})
	}
}

// Every optional key of a new role, uncommented as it stands, checks: the
// examples in the comments are valid front-matter.
func TestNewRoleUncommentedChecks(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); err != nil {
		t.Fatal(err)
	}
	contentDir := filepath.Join(dir, "content")
	out, err := scaffold.NewRole(contentDir, "Payroll Specialist", "", time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	yamlLine := regexp.MustCompile(`^(\s*)# ((?:\s*)(?:[a-z_]+:|- ).*)$`)
	lines := strings.Split(string(b), "\n")
	n := 0
	for i, l := range lines {
		if m := yamlLine.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + m[2]
			n++
		}
	}
	if n < 25 {
		t.Fatalf("only %d commented keys were found to uncomment", n)
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	site, diags := generator.Check(generator.Options{Content: contentDir, Drafts: true})
	if diags.HasErrors() {
		t.Fatalf("the new role with every key uncommented does not check:\n%v\n%s", diags.Errors(), strings.Join(lines, "\n"))
	}
	for _, r := range site.Roles {
		if r.Slug == "payroll-specialist" && (r.Feedback.Promise == "" || r.Salary == nil || len(r.Interviewers) != 1) {
			t.Errorf("uncommented keys were not read: feedback %q, salary %v, interviewers %d", r.Feedback.Promise, r.Salary, len(r.Interviewers))
		}
	}
}

// init --force in a folder with a .gitignore keeps the user's lines and
// appends hirebook's that are missing, each with its comment; run again,
// it adds nothing.
func TestInitForceAddsToAGitignore(t *testing.T) {
	dir := t.TempDir()
	ignore := filepath.Join(dir, ".gitignore")
	os.WriteFile(ignore, []byte("node_modules/\n  /public/  \n*.log"), 0o644)
	done, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, true)
	if err != nil {
		t.Fatal(err)
	}
	want := "node_modules/\n  /public/  \n*.log\n# left beside public/ only by a build that was killed; the next build removes them\n/.public.hirebook-*\n"
	if b, _ := os.ReadFile(ignore); string(b) != want {
		t.Errorf(".gitignore is\n%s\nwant\n%s", b, want)
	}
	var got *scaffold.Written
	for i := range done {
		if done[i].Path == ignore {
			got = &done[i]
		}
	}
	if got == nil || got.Action != scaffold.Appended || strings.Join(got.Lines, ",") != "/.public.hirebook-*" {
		t.Errorf("Init reported %+v for .gitignore, want the one line appended", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "site.yaml")); err != nil {
		t.Errorf("the rest of the site was not written: %v", err)
	}
	// A .gitignore without hirebook's lines (CRLF) gets them all.
	dir = t.TempDir()
	ignore = filepath.Join(dir, ".gitignore")
	os.WriteFile(ignore, []byte("dist/\r\n"), 0o644)
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(ignore)
	if !strings.HasPrefix(string(b), "dist/\r\n/public/\r\n# left beside") || !strings.HasSuffix(string(b), "/.public.hirebook-*\r\n") {
		t.Errorf(".gitignore is %q", b)
	}
}

// init --force never overwrites: a file that exists is kept and reported,
// and a content folder with a site.yaml is left alone whole.
func TestInitForceKeepsWhatExists(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); err != nil {
		t.Fatal(err)
	}
	workflow := filepath.Join(dir, ".github", "workflows", "pages.yml")
	os.WriteFile(workflow, []byte("mine"), 0o644)
	example := filepath.Join(dir, "content", "roles", "example-role.md")
	os.Remove(example)
	os.Remove(filepath.Join(dir, ".gitignore"))
	done, err := scaffold.Init(dir, scaffold.SiteData{Company: "Other"}, true)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]scaffold.Action{}
	for _, w := range done {
		rel, _ := filepath.Rel(dir, w.Path)
		actions[filepath.ToSlash(rel)] = w.Action
	}
	want := map[string]scaffold.Action{"content": scaffold.KeptSite, ".github/workflows/pages.yml": scaffold.Kept, ".gitignore": scaffold.Wrote}
	if len(actions) != len(want) {
		t.Errorf("Init reported %v, want %v", actions, want)
	}
	for p, a := range want {
		if actions[p] != a {
			t.Errorf("%s: action %v, want %v", p, actions[p], a)
		}
	}
	if b, _ := os.ReadFile(workflow); string(b) != "mine" {
		t.Error("the existing workflow was overwritten")
	}
	if _, err := os.Stat(example); !os.IsNotExist(err) {
		t.Error("an example role was added to a site that has a site.yaml")
	}
}

// A blank company name is refused before anything is written: the site
// would not check (company.name is required).
func TestInitRefusesABlankCompany(t *testing.T) {
	for _, name := range []string{"", "  ", "\n\t"} {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := scaffold.Init(dir, scaffold.SiteData{Company: name}, false); err == nil || !strings.Contains(err.Error(), "company name is empty") {
			t.Errorf("company %q: err %v, want the empty name refused", name, err)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("company %q: the folder was written", name)
		}
	}
}

// new role needs a site's content folder (one with site.yaml), and writes
// nothing anywhere else.
func TestNewRoleNeedsASite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowhere")
	_, err := scaffold.NewRole(dir, "Payroll Specialist", "", time.Now())
	if !errors.Is(err, scaffold.ErrNoSite) || !strings.Contains(err.Error(), filepath.Join(dir, "site.yaml")+" does not exist") || !strings.Contains(err.Error(), "hirebook init") {
		t.Errorf("err %v; want ErrNoSite naming site.yaml and suggesting hirebook init", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("new role made a folder outside a site")
	}
}

// A title's file name is cut at a word boundary to at most MaxSlug
// characters (at MaxSlug in a script without spaces), and the role is
// written.
func TestNewRoleShortensALongTitle(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); err != nil {
		t.Fatal(err)
	}
	for title, want := range map[string]string{
		strings.Repeat("Senior Principal Distinguished ", 20):                    "senior-principal-distinguished-senior-principal",
		strings.Repeat("招聘", 200):                                                strings.Repeat("招聘", 30),
		"ก" + strings.Repeat("สวัสดี", 20):                                       "ก" + strings.Repeat("สวัสดี", 9) + "สวัส", // not "…สวัสด" without its vowel sign
		strings.Repeat("abcdefghij", 5) + " " + strings.Repeat("k", 9) + " tail": strings.Repeat("abcdefghij", 5) + "-" + strings.Repeat("k", 9),
	} {
		out, err := scaffold.NewRole(filepath.Join(dir, "content"), title, "", time.Now())
		if err != nil {
			t.Fatalf("%.20s…: %v", title, err)
		}
		if got := strings.TrimSuffix(filepath.Base(out), ".md"); got != want {
			t.Errorf("%.20s…: file name %s, want %s", title, got, want)
		}
	}
}

// Two titles with one file name: the refusal names the existing role's
// title and --slug, which chooses another name; a name that differs only
// in case is taken too.
func TestNewRoleSameFileName(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, scaffold.SiteData{Company: "Acme"}, false); err != nil {
		t.Fatal(err)
	}
	contentDir := filepath.Join(dir, "content")
	if _, err := scaffold.NewRole(contentDir, "C++ Developer", "", time.Now()); err != nil {
		t.Fatal(err)
	}
	_, err := scaffold.NewRole(contentDir, "C# Developer", "", time.Now())
	if err == nil || !strings.Contains(err.Error(), `"C# Developer" gives the same file name as its role, "C++ Developer"; choose another with --slug`) {
		t.Errorf("err %v; want both titles and --slug", err)
	}
	out, err := scaffold.NewRole(contentDir, "C# Developer", "c-sharp-developer", time.Now())
	if err != nil || filepath.Base(out) != "c-sharp-developer.md" {
		t.Fatalf("--slug: %s, %v", out, err)
	}
	os.Rename(out, filepath.Join(contentDir, "roles", "C-Sharp-Developer.md"))
	if _, err := scaffold.NewRole(contentDir, "C# Developer", "c-sharp-developer", time.Now()); err == nil || !strings.Contains(err.Error(), "C-Sharp-Developer.md already exists") {
		t.Errorf("a name that differs only in case: err %v", err)
	}
	if _, err := scaffold.NewRole(contentDir, "Anything", "Bad Name", time.Now()); err == nil || !strings.Contains(err.Error(), `say "bad-name"`) {
		t.Errorf("an invalid --slug: err %v", err)
	}
}

func TestSlugProblem(t *testing.T) {
	for slug, want := range map[string]string{
		"c-sharp-developer":              "",
		"café-2":                         "",
		"":                               "empty",
		"C#":                             "not lower-case letters and digits joined by single hyphens",
		"Data_Engineer":                  `say "data-engineer"`,
		"mu\u0308ller":                   `say "müller"`, // typed decomposed, as macOS may
		"a--b":                           `say "a-b"`,
		"../x":                           "not lower-case",
		strings.Repeat("ab-", 30) + "ab": "longer than 60 characters",
	} {
		got := scaffold.SlugProblem(slug)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("SlugProblem(%q) = %q, want %q", slug, got, want)
		}
	}
}

// The characters a title's file name leaves out are named when they carry
// meaning (C#, C++), not when they only separate words.
func TestLeftOut(t *testing.T) {
	for title, want := range map[string]string{
		"C#":                            "#",
		"C++ Developer":                 "+",
		"R&D Lead, C# & C++":            "&#+",
		"Payroll and/or Benefits":       "",
		"Customer Support Lead, Tier 2": "",
		"Engineer (Backend), O'Brien's": "",
		"🚀 Launch Lead":                 "🚀",
	} {
		if got := scaffold.LeftOut(title); got != want {
			t.Errorf("LeftOut(%q) = %q, want %q", title, got, want)
		}
	}
}
