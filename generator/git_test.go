package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
)

// git runs a git command in dir as of the given day.
func git(t *testing.T, dir, day string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org",
		"GIT_AUTHOR_DATE="+day+"T12:00:00Z", "GIT_COMMITTER_DATE="+day+"T12:00:00Z",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// PRODUCT.md: posted "defaults to the file's first commit date". The
// Pages workflow checks out full history and rebuilds on a schedule, so
// a role that falls back to its file's modification date (the checkout
// time) would get a new datePosted with every run.
func TestPostedFromFirstCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	dir := filepath.Join(repo, "content")
	files := map[string]string{
		"site.yaml":      "title: Jobs\ncompany: {name: Example Co}\nbase_url: https://example.org/\nguides: {protect: omit}\n",
		"roles/first.md": "---\ntitle: First\nkpos: [{title: Ship}]\n---\n",
		"roles/old.md":   "---\ntitle: Renamed\nkpos: [{title: Ship}]\n---\n",
		"roles/café.md":  "---\ntitle: Café\nkpos: [{title: Ship}]\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, repo, "2026-03-04", "init", "-q")
	git(t, repo, "2026-03-04", "add", ".")
	git(t, repo, "2026-03-04", "commit", "-q", "-m", "first")
	git(t, repo, "2026-05-06", "mv", "content/roles/old.md", "content/roles/renamed.md")
	git(t, repo, "2026-05-06", "commit", "-q", "-m", "rename")
	if err := os.WriteFile(filepath.Join(dir, "roles", "first.md"), []byte("---\ntitle: First, edited\nkpos: [{title: Ship}]\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "2026-06-07", "commit", "-q", "-am", "edit")
	// Modification dates say something else, so a fallback shows.
	checkout := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, name := range []string{"first.md", "renamed.md", "café.md"} {
		if err := os.Chtimes(filepath.Join(dir, "roles", name), checkout, checkout); err != nil {
			t.Fatal(err)
		}
	}
	m, diags := generator.Load(generator.Options{Content: dir})
	if m == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string][]string{
		"first":   {"2026-03-04"},               // first commit, not the later edit
		"café":    {"2026-03-04"},               // a name git would quote
		"renamed": {"2026-03-04", "2026-05-06"}, // followed through the rename, or from it
	}
	for _, r := range m.Roles {
		ok := false
		for _, w := range want[r.Slug] {
			ok = ok || r.Posted.String() == w
		}
		if !ok {
			t.Errorf("%s: posted %s, want one of %v", r.Slug, r.Posted, want[r.Slug])
		}
	}
	if len(m.Roles) != len(want) {
		t.Errorf("%d roles", len(m.Roles))
	}
}
