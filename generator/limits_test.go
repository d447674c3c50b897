package generator_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
)

// The limits that keep a build safe, seen from a whole build: each hostile
// file fails the build quickly, with an error that names it (and the line,
// where there is one).
func TestLimits(t *testing.T) {
	head := "---\ntitle: R\nkpos: [{title: Ship it in 90 days}]\n---\n"
	var laughs strings.Builder
	laughs.WriteString("---\ntitle: R\nkpos: [{title: Ship}]\nparams:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 8; i++ {
		prev := "*l" + string(rune('0'+i-1))
		laughs.WriteString("  l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 8) + prev + "]\n")
	}
	laughs.WriteString("interviewers: *l8\n---\n")
	tests := []struct {
		name, file, text, rule string
		line                   int
		msg                    string // in the message, when set
	}{
		{"a file over 1 MiB", "roles/big.md", head + strings.Repeat("Lorem ipsum dolor sit amet.\n", content.MaxFileSize/28+1), "file-too-large", 0, "1 MiB"},
		{"a billion laughs", "roles/laughs.md", laughs.String(), "type", 5, "excessive aliasing"},
		{"100,000 nested block quotes", "roles/quotes.md", head + "Intro.\n\n" + strings.Repeat(">", 100_000) + " deep\n", "markdown-too-deep", 7, "limit"},
		{"100,000 nested lists", "roles/lists.md", head + strings.Repeat("* ", 100_000) + "deep\n", "markdown-too-deep", 5, "limit"},
		{"100,000 open brackets", "company/brackets.md", "---\ntitle: C\n---\n" + strings.Repeat("[", 100_000) + "\n", "markdown-too-deep", 4, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml":  {Data: []byte("title: T\ncompany: {name: C}\nbase_url: https://example.org/\nguides: {protect: none}\n")},
				"roles/a.md": {Data: []byte(head)},
				tt.file:      {Data: []byte(tt.text)},
			}
			done := make(chan error, 1)
			go func() {
				_, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the build did not finish within 20 seconds")
			}
			var diags content.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("error %v, want diagnostics", err)
			}
			for _, d := range diags {
				if d.Pos.File == tt.file && d.Rule == tt.rule && (tt.line == 0 || d.Pos.Line == tt.line) && strings.Contains(d.Message, tt.msg) {
					return
				}
			}
			t.Errorf("no %s error at %s:%d:\n%v", tt.rule, tt.file, tt.line, err)
		})
	}
}
