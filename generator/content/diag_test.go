package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// WriteBrief prints the first warnings and sums up the rest by rule.
func TestWriteBriefSumsUpTheRest(t *testing.T) {
	var ds Diagnostics
	for i := 0; i < 25; i++ {
		rule := "missing-closes"
		if i%5 == 0 {
			rule = "missing-feedback"
		}
		ds.Warn(Pos{File: fmt.Sprintf("roles/r%02d.md", i), Line: 2, Col: 1}, "title", rule, "warning %d", i)
	}
	var b bytes.Buffer
	ds.WriteBrief(&b, 20)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 21 {
		t.Fatalf("%d lines, want 20 warnings and a summary:\n%s", len(lines), b.String())
	}
	if !strings.HasPrefix(lines[19], "roles/r19.md:2:1: warning: title: warning 19") {
		t.Errorf("line 20 = %q, want the 20th warning", lines[19])
	}
	// r20..r24: r20 is missing-feedback, the other four missing-closes.
	want := "and 5 more warnings (missing-closes 4, missing-feedback 1): hirebook check lists them all"
	if lines[20] != want {
		t.Errorf("summary = %q, want %q", lines[20], want)
	}
	b.Reset()
	ds[:3].WriteBrief(&b, 20)
	if n := strings.Count(b.String(), "\n"); n != 3 {
		t.Errorf("3 warnings printed as %d lines, want 3 and no summary:\n%s", n, b.String())
	}
}

// A warning of a rule seen nowhere else is printed even when it sorts
// after the first max, as site.yaml's warnings sort after every role's.
func TestWriteBriefShowsEveryRuleOnce(t *testing.T) {
	var ds Diagnostics
	for i := 0; i < 30; i++ {
		ds.Warn(Pos{File: fmt.Sprintf("content/roles/r%02d.md", i), Line: 2, Col: 1}, "title", "missing-closes", "no closing date")
	}
	ds.Warn(Pos{File: "content/site.yaml", Line: 7, Col: 3}, "guides.protect", "guides-public", "guides are public")
	var b bytes.Buffer
	if err := ds.WriteBrief(&b, 20); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 21 {
		t.Fatalf("%d lines, want 20 warnings and a summary:\n%s", len(lines), b.String())
	}
	if !strings.HasPrefix(lines[19], "content/site.yaml:7:3: warning: guides.protect:") {
		t.Errorf("line 20 = %q, want site.yaml's warning, in file order after the roles'", lines[19])
	}
	if !strings.HasPrefix(lines[18], "content/roles/r18.md:") {
		t.Errorf("line 19 = %q, want the 19th role's warning", lines[18])
	}
	if want := "and 11 more warnings (missing-closes 11): hirebook check lists them all"; lines[20] != want {
		t.Errorf("summary = %q, want %q", lines[20], want)
	}
	b.Reset()
	if err := ds.WriteBrief(&b, -1); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "\n"); got != 3 {
		t.Errorf("max -1 printed %d lines, want the first of each of the 2 rules and a summary:\n%s", got, b.String())
	}
}

// A key or message holding control characters prints on one line, with
// the characters escaped: a file cannot forge a line of the report or
// send escape codes to the terminal. Other text stays as written.
func TestDiagnosticIsOneSafeLine(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "roles/ä.md", Line: 3, Col: 1}, Key: "x\nroles/b.md:1:1: error: forged", Rule: "unknown-key", Message: "unknown key \x1b[2J; über 🚀"}
	got := d.Error()
	want := `roles/ä.md:3:1: error: x\nroles/b.md:1:1: error: forged: unknown key \x1b[2J; über 🚀 [unknown-key]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// No-break spaces are text, not controls: they print as they are.
func TestDiagnosticKeepsNoBreakSpaces(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "roles/a.md", Line: 1}, Message: "10\u00a0000\u202f€", Rule: "value"}
	if got, want := d.Error(), "roles/a.md:1: error: 10\u00a0000\u202f€ [value]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
