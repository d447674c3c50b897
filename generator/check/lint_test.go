package check_test

import (
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator/check"
	"github.com/hirebook/hirebook/generator/content"
)

const lintSite = "title: T\ncompany: {name: Co}\nbase_url: https://example.org/\ndefaults:\n  applicant_countries: [US]\n"

// good is a role that passes every lint rule; each case changes it.
const good = `---
title: Support lead
work_mode: remote
closes: 2027-01-31
posted: 2026-11-01
traits: [reliable]
feedback: {promise: Written feedback in five days}
development:
  technical: A course
  people: [A mentor]
interviewers:
  - name: Ana
    covers: [k1]
kpos:
  - id: k1
    title: Cut first response time to two hours
    outcome: Median first response under two hours
    timeframe: first 90 days
    traits: [reliable]
---
Body.
`

func lintRole(t *testing.T, src string) content.Diagnostics {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(lintSite)}, "roles/r.md": {Data: []byte(src)}}
	site, diags := content.Load(fsys, content.Options{})
	if diags.HasErrors() {
		t.Fatalf("role does not load: %v", diags)
	}
	return check.Lint(site)
}

func TestGoodRolePassesLint(t *testing.T) {
	if ds := lintRole(t, good); len(ds) != 0 {
		t.Fatalf("want no warnings, got:\n%v", ds)
	}
}

func TestLintRules(t *testing.T) {
	cases := []struct {
		name, rule, key string
		line, col       int
		role            string
	}{
		{"years", "kpo-skill-list", "kpos[0].title", 16, 12, replace(good, "Cut first response time to two hours", "5+ years of Kubernetes")},
		{"skills", "kpo-skill-list", "kpos[0].title", 16, 12, replace(good, "Cut first response time to two hours", "Excellent communication skills")},
		{"degree", "kpo-skill-list", "kpos[0].title", 16, 12, replace(good, "Cut first response time to two hours", "Bachelor's degree required")},
		{"trait", "kpo-skill-list", "kpos[0].title", 16, 12, replace(good, "Cut first response time to two hours", "A self-starter who is detail-oriented")},
		{"no outcome", "missing-outcome", "kpos[0]", 15, 5, replace(good, "    outcome: Median first response under two hours\n", "")},
		{"no timeframe", "missing-timeframe", "kpos[0]", 15, 5, replace(good, "    timeframe: first 90 days\n", "")},
		{"seven kpos", "too-many-kpos", "kpos", 14, 1, good[:len(good)-len("---\nBody.\n")] + sevenMore() + "---\n"},
		{"no traits", "missing-traits", "traits", 6, 1, replace(replace(good, "traits: [reliable]\nfeedback", "traits: []\nfeedback"), "    traits: [reliable]\n", "")},
		{"trait not named", "trait-not-named", "traits[1]", 6, 20, replace(good, "traits: [reliable]\nfeedback", "traits: [reliable, independent]\nfeedback")},
		{"uncovered", "kpo-not-covered", "kpos[1]", 20, 5, replace(good, "---\nBody", "  - id: k2\n    title: Run the weekly review\n    outcome: A review\n    timeframe: weekly\n---\nBody")},
		{"unbacked arena", "arena-unbacked", "development", 8, 1, replace(good, "  people: [A mentor]\n", "")},
		{"no closes", "missing-closes", "closes", 1, 1, replace(good, "closes: 2027-01-31\n", "")},
		{"closes before posted", "closes-before-posted", "closes", 4, 9, replace(good, "closes: 2027-01-31", "closes: 2026-10-01")},
		{"no feedback", "missing-feedback", "feedback", 1, 1, replace(good, "feedback: {promise: Written feedback in five days}\n", "")},
		{"interviewer covering nothing", "kpo-not-covered", "interviewers[1]", 14, 5, replace(good, "    covers: [k1]\n", "    covers: [k1]\n  - name: Bo\n")},
		{"on-site role without a country", "job-location", "country", 1, 1, replace(good, "work_mode: remote", "work_mode: onsite")},
		{"reverse without interviewers", "reverse-without-interviewer", "reverse_interview", 1, 1, replace(good, "interviewers:\n  - name: Ana\n    covers: [k1]\n", "")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := lintRole(t, c.role)
			var found *content.Diagnostic
			for i := range ds {
				if ds[i].Rule == c.rule {
					found = &ds[i]
				}
			}
			if found == nil {
				t.Fatalf("rule %s did not fire; got:\n%v", c.rule, ds)
			}
			if found.Severity != content.Warning || found.Key != c.key || found.Pos.File != "roles/r.md" || found.Pos.Line != c.line || found.Pos.Col != c.col {
				t.Errorf("got %s, want roles/r.md:%d:%d key %s warning", found.Error(), c.line, c.col, c.key)
			}
			// The same role with the rule ignored gives no such warning.
			ignored := replace(c.role, "title: Support lead\n", "title: Support lead\nlint: {ignore: ["+c.rule+"]}\n")
			for _, d := range lintRole(t, ignored) {
				if d.Rule == c.rule {
					t.Errorf("lint.ignore did not silence %s: %s", c.rule, d.Error())
				}
			}
		})
	}
}

func TestUnknownIgnoredRuleIsAnError(t *testing.T) {
	ds := lintRole(t, replace(good, "title: Support lead\n", "title: Support lead\nlint: {ignore: [missing-close]}\n"))
	if len(ds) != 1 || ds[0].Rule != "unknown-rule" || ds[0].Severity != content.Error || ds[0].Key != "lint.ignore[0]" || ds[0].Pos.Line != 3 {
		t.Fatalf("want one unknown-rule error at line 3, got:\n%v", ds)
	}
	if want := `did you mean "missing-closes"?`; !contains(ds[0].Message, want) {
		t.Errorf("message %q lacks %q", ds[0].Message, want)
	}
}

func replace(s, old, new string) string {
	out := ""
	i := indexOf(s, old)
	if i < 0 {
		panic("test role does not contain " + old)
	}
	out = s[:i] + new + s[i+len(old):]
	return out
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func contains(s, sub string) bool { return indexOf(s, sub) >= 0 }

func sevenMore() string {
	out := ""
	for _, id := range []string{"k2", "k3", "k4", "k5", "k6", "k7"} {
		out += "  - id: " + id + "\n    title: Deliver thing " + id + "\n    outcome: Done\n    timeframe: first year\n"
	}
	return out
}

// A warning caused by a default from site.yaml is about each role that
// takes it: every such role is named, with the default's place.
func TestLintOfADefaultNamesEachRole(t *testing.T) {
	site := lintSite + "  reverse_interview:\n    offered: true\n"
	noInterviewers := replace(good, "interviewers:\n  - name: Ana\n    covers: [k1]\n", "")
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(site)}, "roles/a.md": {Data: []byte(noInterviewers)}, "roles/b.md": {Data: []byte(noInterviewers)}}
	s, diags := content.Load(fsys, content.Options{})
	if diags.HasErrors() {
		t.Fatalf("site does not load: %v", diags)
	}
	var files []string
	for _, d := range check.Lint(s) {
		if d.Rule == "reverse-without-interviewer" {
			files = append(files, d.Pos.File)
			if !contains(d.Message, "site.yaml:6:") {
				t.Errorf("the warning does not point at the default: %v", d)
			}
		}
	}
	if len(files) != 2 || files[0] != "roles/a.md" || files[1] != "roles/b.md" {
		t.Fatalf("reverse-without-interviewer named %v, want roles/a.md and roles/b.md", files)
	}
}

// A role's file name is its address: one that needs escaping in a link
// gets a warning with a name to use instead.
func TestFileNameRule(t *testing.T) {
	for name, want := range map[string]string{
		"roles/Customer Support Lead (copy).md": "rename the file to customer-support-lead-copy.md",
		"roles/pmm_2025.md":                     "rename the file to pmm-2025.md",
		"roles/(copy).md":                       "rename the file to copy.md",
		"roles/---.md":                          "lower-case words joined by hyphens",
		"roles/entwickler-köln.md":              "",
		"roles/sre-2.md":                        "",
	} {
		fsys := fstest.MapFS{"site.yaml": {Data: []byte(lintSite)}, name: {Data: []byte(good)}}
		site, diags := content.Load(fsys, content.Options{})
		if diags.HasErrors() {
			t.Fatalf("%s does not load: %v", name, diags)
		}
		var got []content.Diagnostic
		for _, d := range check.Lint(site) {
			if d.Rule == "file-name" {
				got = append(got, d)
			}
		}
		switch {
		case want == "" && len(got) > 0:
			t.Errorf("%s: unexpected warning %v", name, got)
		case want != "" && (len(got) != 1 || got[0].Pos.File != name || got[0].Pos.Line != 1 || !contains(got[0].Message, want)):
			t.Errorf("%s: got %v, want one warning at line 1 saying %q", name, got, want)
		}
	}
}

// A remote role with no countries to hire from has no place in Google for
// Jobs; a closed role has no job posting to warn about.
func TestJobLocationRule(t *testing.T) {
	site := "title: T\ncompany: {name: Co}\nbase_url: https://example.org/\n"
	for _, c := range []struct {
		name, role string
		warn       bool
	}{
		{"remote, no countries", good, true},
		{"remote, closed", replace(good, "title: Support lead\n", "title: Support lead\nstatus: closed\n"), false},
		{"remote, country", replace(good, "title: Support lead\n", "title: Support lead\ncountry: DE\n"), false},
	} {
		fsys := fstest.MapFS{"site.yaml": {Data: []byte(site)}, "roles/r.md": {Data: []byte(c.role)}}
		s, diags := content.Load(fsys, content.Options{})
		if diags.HasErrors() {
			t.Fatalf("%s: %v", c.name, diags)
		}
		var got bool
		for _, d := range check.Lint(s) {
			got = got || d.Rule == "job-location" && d.Key == "applicant_countries"
		}
		if got != c.warn {
			t.Errorf("%s: job-location warning %v, want %v", c.name, got, c.warn)
		}
	}
}
