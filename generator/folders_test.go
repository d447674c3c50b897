//go:build unix

package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
)

// A theme file may not reach outside the theme folder: a symbolic link to
// a file elsewhere (here standing in for /proc/self/environ, which holds
// the guides' passphrase) stops the build, naming the file, and publishes
// nothing.
func TestThemeSymlinkOutsideIsRefused(t *testing.T) {
	dir := copyTree(t, "../content")
	secret := filepath.Join(t.TempDir(), "environ")
	if err := os.WriteFile(secret, []byte("HIREBOOK_GUIDE_PASSPHRASE=SECRET-PASSPHRASE"), 0o600); err != nil {
		t.Fatal(err)
	}
	theme := filepath.Join(filepath.Dir(dir), "themes", "default", "assets")
	if err := os.MkdirAll(theme, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(theme, "env.txt")); err != nil {
		t.Fatal(err)
	}
	// A link that stays inside the folder is fine.
	if err := os.WriteFile(filepath.Join(theme, "real.txt"), []byte("inside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", filepath.Join(theme, "inside.txt")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := builderOpts(dir)
	opts.Out = out
	_, err := generator.Build(context.Background(), opts)
	if err == nil || !strings.Contains(err.Error(), "assets/env.txt") {
		t.Fatalf("build error %v, want one naming the theme file assets/env.txt", err)
	}
	if _, serr := os.Stat(out); !os.IsNotExist(serr) {
		t.Errorf("a failed build wrote %s", out)
	}
	if err := os.Remove(filepath.Join(theme, "env.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "assets", "inside.txt")); err != nil || string(b) != "inside" {
		t.Errorf("a link inside the theme folder was not followed: %q, %v", b, err)
	}
}

// Role files are read only from inside the content folder, and only if they
// are files: a link out of the folder, a device and a pipe are each
// reported with their file name, in one run, without hanging.
func TestRoleFilesMustBeFilesInside(t *testing.T) {
	dir := copyTree(t, "../content")
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: Outside\n---\nFrom elsewhere.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	roles := filepath.Join(dir, "roles")
	if err := os.Symlink(outside, filepath.Join(roles, "outside.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(roles, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(roles, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan content.Diagnostics)
	go func() {
		_, diags := generator.Check(builderOpts(dir))
		done <- diags
	}()
	var diags content.Diagnostics
	select {
	case diags = <-done:
	case <-time.After(time.Minute):
		t.Fatal("check hangs on a pipe named pipe.md")
	}
	for _, name := range []string{"outside.md", "zero.md", "pipe.md"} {
		found := false
		for _, d := range diags.Errors() {
			found = found || (filepath.Base(d.Pos.File) == name && d.Rule == "read")
		}
		if !found {
			t.Errorf("no read error for roles/%s in:\n%v", name, diags)
		}
	}
}

// A theme named in site.yaml must exist, and a theme name that is a path
// is refused without reading anything outside the site.
func TestThemeNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"corporate", "there is no theme folder"},
		{"..", "a theme is named, not a path"},
		{".", "a theme is named, not a path"},
		{".git", "a theme is named, not a path"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyTree(t, "../content")
			edit(t, filepath.Join(dir, "site.yaml"), "title:", "theme: \""+c.name+"\"\ntitle:")
			_, diags := generator.Check(builderOpts(dir))
			errs := diags.Errors()
			if len(errs) != 1 || errs[0].Key != "theme" || errs[0].Pos.Line != 2 || !strings.Contains(errs[0].Message, c.want) {
				t.Errorf("want one error at site.yaml:2 for theme saying %q, got:\n%v", c.want, diags)
			}
			_, err := generator.Build(context.Background(), builderOpts(dir))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("build error %v, want %q", err, c.want)
			}
		})
	}
}

// A layout that does not parse is reported with its file, and whether it
// is the site's own or built in.
func TestBrokenThemeLayoutNamesItsFile(t *testing.T) {
	dir := copyTree(t, "../content")
	layouts := filepath.Join(filepath.Dir(dir), "themes", "default", "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(layouts, "role.html"), []byte("{{define \"main\"}}{{.Role.Title}{{end}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := generator.Check(builderOpts(dir))
	errs := diags.Errors()
	if len(errs) != 1 || errs[0].Key != "theme" || !strings.Contains(errs[0].Message, "layouts/role.html (in the site's theme folder)") {
		t.Errorf("want one theme error naming layouts/role.html in the site's theme folder, got:\n%v", diags)
	}
}

// A role file that cannot be read is reported once, in its own file: the
// links to it from other roles are not reported as broken as well.
func TestLinksToAnUnreadableRoleAreNotBroken(t *testing.T) {
	dir := copyTree(t, "../content")
	edit(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "summary:", "\tsummary:")
	_, diags := generator.Check(builderOpts(dir))
	errs := diags.Errors()
	if len(errs) == 0 {
		t.Fatal("a role with a tab in its front-matter checked cleanly")
	}
	for _, e := range errs {
		if !strings.HasSuffix(e.Pos.File, "roles/customer-support-lead.md") {
			t.Errorf("an error outside the unreadable file: %v", e)
		}
	}
	// A link to a role that does not exist at all is still broken.
	if err := os.Rename(filepath.Join(dir, "roles", "customer-support-lead.md"), filepath.Join(dir, "customer-support-lead.md.bak")); err != nil {
		t.Fatal(err)
	}
	_, diags = generator.Check(builderOpts(dir))
	var broken bool
	for _, e := range diags.Errors() {
		broken = broken || strings.HasSuffix(e.Pos.File, "roles/year-end-support-specialist.md") && strings.Contains(e.Message, "customer-support-lead.md")
	}
	if !broken {
		t.Errorf("a link to a missing role file was not reported:\n%v", diags)
	}
}

// A file with errors gets no lint warnings: a misspelt key would also
// read as a missing one. Another file's warnings stay.
func TestNoWarningsBesideErrors(t *testing.T) {
	dir := copyTree(t, "../content")
	_, before := generator.Check(builderOpts(dir))
	edit(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "    outcome:", "    outcom:")
	_, diags := generator.Check(builderOpts(dir))
	if len(diags.Errors()) == 0 {
		t.Fatal("a misspelt key checked cleanly")
	}
	var others int
	for _, d := range diags {
		if d.Severity != content.Error && strings.HasSuffix(d.Pos.File, "roles/customer-support-lead.md") {
			t.Errorf("a warning beside the file's errors: %v", d)
		}
		if d.Severity != content.Error {
			others++
		}
	}
	if want := len(before) - len(before.Errors()); others != want-countIn(before, "roles/customer-support-lead.md") {
		t.Errorf("%d warnings about other files, want %d", others, want-countIn(before, "roles/customer-support-lead.md"))
	}
}

func countIn(ds content.Diagnostics, file string) int {
	n := 0
	for _, d := range ds {
		if strings.HasSuffix(d.Pos.File, file) {
			n++
		}
	}
	return n
}
