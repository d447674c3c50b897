package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebook/hirebook/generator/content"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./cmd/hirebook -update to accept):\n--- got\n%s", name, got)
	}
}

func TestCheckTextGolden(t *testing.T) {
	out, _, code := runCLI(t, "check", "--content", "testdata/broken")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	golden(t, "check.txt", out)
}

func TestCheckJSONGolden(t *testing.T) {
	out, _, code := runCLI(t, "check", "--content", "testdata/broken", "--format", "json")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var ds []jsonDiagnostic
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	for _, d := range ds {
		if d.File == "" || d.Line == 0 || d.Rule == "" || d.Message == "" || (d.Severity != "error" && d.Severity != "warning") {
			t.Errorf("incomplete diagnostic: %+v", d)
		}
	}
	golden(t, "check.json", out)
}

// TestEveryBrokenFileReportedInOneRun: one run names every broken file.
func TestEveryBrokenFileReportedInOneRun(t *testing.T) {
	out, _, _ := runCLI(t, "check", "--content", "testdata/broken")
	files, _ := filepath.Glob("testdata/broken/*/*.md")
	files = append(files, "testdata/broken/site.yaml")
	for _, f := range files {
		if !strings.Contains(out, filepath.ToSlash(f)+":") || !strings.Contains(out[strings.Index(out, filepath.ToSlash(f)+":"):], "error") {
			t.Errorf("no error reported for %s", f)
		}
	}
}

func TestCheckGitHubFormat(t *testing.T) {
	out, _, _ := runCLI(t, "check", "--content", "testdata/broken", "--format", "github")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") {
			t.Errorf("not a workflow command: %q", l)
		}
	}
	if !strings.Contains(out, "::error file=testdata/broken/roles/values.md,line=9,col=1,title=url::apply: ") {
		t.Errorf("the apply error is not annotated at values.md line 9:\n%s", out)
	}
}

func TestCheckCleanSiteExitsZero(t *testing.T) {
	out, _, code := runCLI(t, "check", "--content", "../../content")
	if code != 0 || out != "" {
		t.Errorf("example site: exit %d, output %q; want 0 and no problems", code, out)
	}
	if _, _, code := runCLI(t, "check", "--content", "testdata/warn", "--strict"); code != 1 {
		t.Errorf("--strict with warnings: exit %d, want 1", code)
	}
	if _, _, code := runCLI(t, "check", "--content", "testdata/warn"); code != 0 {
		t.Errorf("warnings only: exit %d, want 0", code)
	}
}

func TestSchemaListsEveryRoleKey(t *testing.T) {
	out, _, code := runCLI(t, "schema")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "kpos", "work_mode", "salary", "internal", "lint", "reverse_interview", "development"} {
		if _, ok := s.Properties[k]; !ok {
			t.Errorf("schema lacks %s", k)
		}
	}
	if !strings.Contains(string(s.Properties["work_mode"]), `"remote"`) {
		t.Errorf("work_mode has no enum: %s", s.Properties["work_mode"])
	}
}

// A build prints its first warnings and sums up the rest by rule.
func TestBuildSumsUpManyWarnings(t *testing.T) {
	var ds content.Diagnostics
	for i := 0; i < 25; i++ {
		rule := "missing-closes"
		if i%5 == 0 {
			rule = "missing-feedback"
		}
		ds.Warn(content.Pos{File: fmt.Sprintf("roles/r%02d.md", i), Line: 2, Col: 1}, "title", rule, "warning %d", i)
	}
	var b bytes.Buffer
	printWarnings(&b, ds, 20)
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
	printWarnings(&b, ds[:3], 20)
	if n := strings.Count(b.String(), "\n"); n != 3 {
		t.Errorf("3 warnings printed as %d lines, want 3 and no summary:\n%s", n, b.String())
	}
}
