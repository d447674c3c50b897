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
