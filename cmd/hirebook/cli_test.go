package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
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
	if !strings.Contains(out, "::error file=testdata/broken/roles/values.md,line=9,col=8,title=url::apply: ") {
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
	// What check requires and bounds, the schema says too.
	var salary struct {
		Required   []string `json:"required"`
		Properties map[string]struct {
			Maximum *float64 `json:"maximum"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(s.Properties["salary"], &salary); err != nil {
		t.Fatal(err)
	}
	if strings.Join(salary.Required, ",") != "currency,period" || salary.Properties["max"].Maximum == nil || *salary.Properties["max"].Maximum != 1e12 {
		t.Errorf("salary: required %v, max %v; want currency and period required and a maximum of 1e12", salary.Required, salary.Properties["max"].Maximum)
	}
}

// build --cpuprofile and --memprofile write Go profiles (gzip-compressed
// protocol buffers); a profile that cannot be written stops the build
// before it starts.
func TestBuildWritesProfiles(t *testing.T) {
	tmp := t.TempDir()
	site := filepath.Join(tmp, "content")
	if _, _, code := runCLI(t, "synth", "--roles", "3", site); code != 0 {
		t.Fatalf("synth: exit %d", code)
	}
	cpu, mem, out := filepath.Join(tmp, "cpu.prof"), filepath.Join(tmp, "mem.prof"), filepath.Join(tmp, "public")
	// In a process of its own: in the test binary, earlier tests'
	// collections would hide a profile that misses the build.
	stdout, stderr, code := runChild(t, "build", "--content", site, "--out", out, "--cpuprofile", cpu, "--memprofile", mem)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "built ") {
		t.Errorf("build printed %q, want the built line", stdout)
	}
	for _, p := range []string{cpu, mem} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s is not a gzip-compressed profile: %v", filepath.Base(p), err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		// A profile's string table names the functions it sampled; the
		// allocation profile must cover the build itself.
		if p == mem && !bytes.Contains(b, []byte("github.com/hirebook/hirebook/generator/render.")) {
			t.Errorf("the allocation profile names no function of the renderer: it does not cover the build")
		}
	}
	for _, flag := range []string{"cpuprofile", "memprofile"} {
		out2 := filepath.Join(tmp, "public-"+flag)
		_, stderr, code = runCLI(t, "build", "--content", site, "--out", out2, "--"+flag, filepath.Join(tmp, "missing", "x.prof"))
		if code != 2 || !strings.HasPrefix(stderr, "--"+flag+": ") {
			t.Errorf("unwritable --%s: exit %d, stderr %q; want 2 and a --%s message", flag, code, stderr, flag)
		}
		if _, err := os.Stat(out2); !os.IsNotExist(err) {
			t.Errorf("the build ran although its --%s could not be written (%v)", flag, err)
		}
	}
}

// contentSize, which sets the build's memory limit, adds up the Markdown
// and YAML files under a folder, and counts a folder it cannot read as
// empty.
func TestContentSize(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "roles"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{"site.yaml": 100, "roles/a.md": 2000, "roles/b.md": 30, "roles/photo.jpg": 5000} {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := contentSize(dir); got != 2130 {
		t.Errorf("contentSize = %d, want 2130", got)
	}
	if got := contentSize(filepath.Join(dir, "missing")); got != 0 {
		t.Errorf("contentSize of a missing folder = %d, want 0", got)
	}
}

// --base-url is held to the rules of site.yaml's base_url: a value that
// would make every link point elsewhere stops the build before it starts.
func TestBuildRefusesBadBaseURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, bad := range []string{"careers.example.com", "javascript:alert(1)//", "https://x.github.io//careers/"} {
		_, stderr, code := runCLI(t, "build", "--content", "../../content", "--out", out, "--base-url", bad)
		if code != 2 || !strings.Contains(stderr, "--base-url") || !strings.Contains(stderr, bad) {
			t.Errorf("--base-url %s: exit %d, stderr %q; want exit 2 naming the flag and the value", bad, code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("--base-url %s: the output folder was written", bad)
		}
	}
}

// A new site's workflow pins a release `go run` can fetch, never the
// pseudo-version or +dirty version of a local build.
func TestPinnedVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.4.2":                                   "v1.4.2",
		"v0.0.0-20261129184431-b901c1943dc1":       defaultVersion,
		"v0.0.0-20261129184431-b901c1943dc1+dirty": defaultVersion,
		"v1.5.0-rc.1":                              defaultVersion,
		"(devel)":                                  defaultVersion,
	} {
		if got := pinnedVersion(v); got != want {
			t.Errorf("pinnedVersion(%q) = %q, want %q", v, got, want)
		}
	}
}

// Usage mistakes exit 2 with a message on stderr and write nothing; help
// and version exit 0 on stdout.
func TestExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, c := range []struct {
		args   []string
		code   int
		stream string // "out" or "err": where the message goes
		says   string
	}{
		{nil, 2, "err", "Usage:"},
		{[]string{"publish"}, 2, "err", `unknown command "publish"`},
		{[]string{"build", "--nope"}, 2, "err", "flag provided but not defined: -nope"},
		{[]string{"build", "--content", "../../content", "--out", out, "--clock", "2026-13-01"}, 2, "err", "--clock"},
		{[]string{"check", "--format", "xml"}, 2, "err", "xml"},
		{[]string{"new", "job", "X"}, 2, "err", "role"},
		{[]string{"help"}, 0, "out", "Usage:"},
		{[]string{"help", "-h"}, 0, "out", "Usage:"},
		{[]string{"help", "build"}, 0, "out", "usage: hirebook build [--content content] [--out public]"},
		{[]string{"help", "new"}, 0, "out", "usage: hirebook new [--content content] [--slug SLUG] role \"Title\"\nRun \"hirebook new -h\" for its flags.\n"},
		{[]string{"--help", "schema"}, 0, "out", "usage: hirebook schema [role|site]\n"},
		{[]string{"version"}, 0, "out", "hirebook "},
	} {
		stdout, stderr, code := runCLI(t, c.args...)
		msg := stderr
		if c.stream == "out" {
			msg = stdout
		}
		if code != c.code || !strings.Contains(msg, c.says) {
			t.Errorf("hirebook %q: exit %d, stdout %q, stderr %q; want exit %d and %q on std%s", c.args, code, stdout, stderr, c.code, c.says, c.stream)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a usage mistake wrote the output folder")
	}
}

// init writes a site that checks clean, and new adds a draft role to it
// that checks too; both print what they wrote.
func TestInitThenNew(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := runCLI(t, "init", "--company", "Acme: Labs", dir)
	if code != 0 || !strings.Contains(stdout, "site.yaml") {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	content := filepath.Join(dir, "content")
	stdout, stderr, code = runCLI(t, "new", "--content", content, "role", "Payroll Specialist")
	if code != 0 || !strings.Contains(stdout, "payroll-specialist.md") {
		t.Fatalf("new: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, stderr, code = runCLI(t, "check", "--content", content); code != 0 {
		t.Errorf("the new site does not check (exit %d):\n%s", code, stderr)
	}
	if _, _, code = runCLI(t, "new", "--content", content, "role", "Payroll Specialist"); code == 0 {
		t.Error("new overwrote an existing role")
	}
	if _, _, code = runCLI(t, "init", dir); code == 0 {
		t.Error("init wrote into a folder that has files")
	}
}

// The site schema offers under defaults every role key a default may set,
// and not the ones each role sets for itself.
func TestSiteSchemaDefaults(t *testing.T) {
	out, _, code := runCLI(t, "schema", "site")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var s struct {
		Properties struct {
			Defaults struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"defaults"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	d := s.Properties.Defaults.Properties
	for _, k := range []string{"title", "kpos", "aliases"} {
		if _, ok := d[k]; ok {
			t.Errorf("defaults offers %s, which the loader refuses", k)
		}
	}
	for _, k := range []string{"team", "feedback", "development", "work_mode"} {
		if _, ok := d[k]; !ok {
			t.Errorf("defaults lacks %s", k)
		}
	}
}

// check judges the guides' passphrase as build does when it is set, and
// says nothing of it when it is not (check often runs without the secret).
func TestCheckJudgesASetPassphrase(t *testing.T) {
	t.Setenv("HIREBOOK_GUIDE_PASSPHRASE", "password123")
	stdout, _, code := runCLI(t, "check", "--content", "../../content")
	if code != 1 || !strings.Contains(stdout, "guides.protect") || !strings.Contains(stdout, "[passphrase-weak]") {
		t.Errorf("weak passphrase: exit %d, report %q; want exit 1 and passphrase-weak at guides.protect", code, stdout)
	}
	t.Setenv("HIREBOOK_GUIDE_PASSPHRASE", "")
	if _, stderr, code := runCLI(t, "check", "--content", "../../content"); code != 0 {
		t.Errorf("no passphrase: exit %d, stderr %q; want 0", code, stderr)
	}
}

// serve --bind 0.0.0.0 prints an address this machine can open.
func TestLocalAddr(t *testing.T) {
	for in, want := range map[string]string{"0.0.0.0:1313": "localhost:1313", "[::]:1313": "localhost:1313", "127.0.0.1:1313": "127.0.0.1:1313", "192.168.1.5:80": "192.168.1.5:80"} {
		ap := netip.MustParseAddrPort(in)
		if got := localAddr(net.TCPAddrFromAddrPort(ap)); got != want {
			t.Errorf("localAddr(%s) = %s, want %s", in, got, want)
		}
	}
}

// An argument a command does not take is a usage error that names it,
// never ignored with every flag after it: a folder is pointed to the flag
// that takes one, a flag after an argument is told to come first.
func TestStrayArgumentsAreUsageErrors(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "x")
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"build", "content", "--out", out}, `unexpected argument "content"; did you mean --content content?`},
		{[]string{"build", "public"}, `unexpected argument "public"; did you mean --out public?`},
		{[]string{"build", "--content", "../../content", "--out", out, "extra"}, `hirebook build: unexpected argument "extra"`},
		{[]string{"check", "extra"}, "hirebook check: unexpected argument \"extra\"\nusage: hirebook check [--content content]"},
		{[]string{"check", "testdata/warn"}, "did you mean --content testdata/warn?"},
		{[]string{"serve", "--port", "0", "my site/content"}, `did you mean --content 'my site/content'?`},
		{[]string{"schema", "role", "site"}, "hirebook schema: unexpected argument \"site\"\nusage: hirebook schema [role|site]\n"},
		{[]string{"init", filepath.Join(tmp, "site"), "--force"}, `unexpected argument "--force": flags go before the other arguments`},
		{[]string{"init", filepath.Join(tmp, "site"), "other"}, `hirebook init: unexpected argument "other"`},
		{[]string{"new", "role", "Payroll", "Specialist"}, `quote a title of several words: hirebook new role 'Payroll Specialist'`},
		{[]string{"new", "role", "Payroll", "--content=testdata/warn"}, `unexpected argument "--content=testdata/warn": flags go before`},
		{[]string{"synth", filepath.Join(tmp, "synth"), "--roles", "2"}, `unexpected argument "--roles": flags go before`},
		{[]string{"version", "extra"}, `hirebook version: unexpected argument "extra"`},
		{[]string{"new", "role", "Senior", "UX/UI", "Designer"}, `hirebook new: unexpected argument "UX/UI"; quote a title of several words: hirebook new role 'Senior UX/UI Designer'` + "\n"},
		{[]string{"new", "role", "Payroll", "and/or", "Benefits"}, `hirebook new: unexpected argument "and/or"; quote a title of several words: hirebook new role 'Payroll and/or Benefits'` + "\n"},
		{[]string{"new", "role", "Senior", "testdata", "Designer"}, `unexpected argument "testdata"; quote a title of several words: hirebook new role 'Senior testdata Designer'`},
		{[]string{"new", "role", "Payroll", "testdata/warn"}, `hirebook new: unexpected argument "testdata/warn"; did you mean --content testdata/warn?`},
		{[]string{"help", "build", "extra"}, `hirebook help: unexpected argument "extra"`},
		{[]string{"help", "publish"}, "hirebook help: unknown command \"publish\"\nhirebook builds a careers site"},
	} {
		stdout, stderr, code := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.says) || stdout != "" {
			t.Errorf("hirebook %q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.says)
		}
	}
	for _, p := range []string{out, "public", filepath.Join(tmp, "site"), filepath.Join(tmp, "synth")} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("a refused command wrote %s", p)
		}
	}
}

// synth writes only into a new or empty folder, and holds --roles to a
// size it can write.
func TestSynthRefusesAFolderWithFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if _, stderr, code := runCLI(t, "init", "--company", "Mine", filepath.Dir(dir)); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	_, stderr, code := runCLI(t, "synth", "--roles", "2", dir)
	if code != 1 || stderr != "hirebook synth: "+dir+": folder is not empty (synth writes a whole site: give it a new or empty folder)\n" {
		t.Errorf("synth into a site: exit %d, stderr %q; want 1 and folder is not empty", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "site.yaml")); string(after) != string(before) {
		t.Error("synth changed the site's site.yaml")
	}
	if _, err := os.Stat(filepath.Join(dir, "roles", "role-00001.md")); !os.IsNotExist(err) {
		t.Error("synth added a role beside the site's")
	}
	for _, n := range []string{"0", "100001", "99999999999"} {
		big := filepath.Join(t.TempDir(), "big")
		_, stderr, code := runCLI(t, "synth", "--roles", n, big)
		if code != 2 || stderr != "--roles must be from 1 to 100000, not "+n+"\n" {
			t.Errorf("--roles %s: exit %d, stderr %q; want 2 and the bounds", n, code, stderr)
		}
		if _, err := os.Stat(big); !os.IsNotExist(err) {
			t.Errorf("--roles %s wrote the folder", n)
		}
	}
	if _, stderr, code := runCLI(t, "synth"); code != 2 || stderr != "usage: hirebook synth [--roles N] DIR\n" || !strings.Contains(msgUsage, "hirebook synth  [--roles N] DIR ") {
		t.Errorf("synth's usage line is %q; want it to say DIR, as hirebook help does", stderr)
	}
}

// init --force beside a .gitignore adds hirebook's missing lines, says so
// and succeeds; an empty company name is a usage error.
func TestInitForceBesideAGitignore(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("node_modules/\n"), 0o644)
	stdout, stderr, code := runCLI(t, "init", "--force", dir)
	ignore := filepath.Join(dir, ".gitignore")
	if code != 0 || !strings.Contains(stdout, "added 2 lines of hirebook's to "+ignore+": /public/ /.public.hirebook-*\n") {
		t.Errorf("init --force: exit %d, stdout %q, stderr %q; want 0 and the lines added", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(ignore); !strings.HasPrefix(string(b), "node_modules/\n/public/\n") {
		t.Errorf(".gitignore is %q", b)
	}
	stdout, _, code = runCLI(t, "init", "--force", dir)
	if code != 0 || !strings.Contains(stdout, "kept "+ignore+" as it was: it already has every line of hirebook's") || !strings.Contains(stdout, "kept "+filepath.Join(dir, "content")+" as it was: it already has a site.yaml") {
		t.Errorf("init --force again: exit %d, stdout %q", code, stdout)
	}
	for _, name := range []string{"", "   "} {
		site := filepath.Join(t.TempDir(), "site")
		_, stderr, code := runCLI(t, "init", "--company", name, site)
		if code != 2 || !strings.Contains(stderr, "--company must name the hiring organization") {
			t.Errorf("--company %q: exit %d, stderr %q; want 2", name, code, stderr)
		}
		if _, err := os.Stat(site); !os.IsNotExist(err) {
			t.Errorf("--company %q wrote the site", name)
		}
	}
}

// new role outside a site suggests init and writes nothing; --slug names
// the file, and a bad one is a usage error.
func TestNewRoleNeedsASiteAndTakesASlug(t *testing.T) {
	tmp := t.TempDir()
	nowhere := filepath.Join(tmp, "nowhere")
	_, stderr, code := runCLI(t, "new", "--content", nowhere, "role", "X")
	if code != 1 || !strings.Contains(stderr, filepath.Join(nowhere, "site.yaml")+" does not exist") || !strings.Contains(stderr, "run hirebook init") {
		t.Errorf("new outside a site: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(nowhere); !os.IsNotExist(err) {
		t.Error("new wrote outside a site")
	}
	if _, _, code := runCLI(t, "init", tmp); code != 0 {
		t.Fatal("init failed")
	}
	content := filepath.Join(tmp, "content")
	if _, stderr, code := runCLI(t, "new", "--content", content, "--slug", "C#", "role", "C# Developer"); code != 2 || !strings.HasPrefix(stderr, "--slug: ") {
		t.Errorf("bad --slug: exit %d, stderr %q; want 2", code, stderr)
	}
	stdout, stderr, code := runCLI(t, "new", "--content", content, "--slug", "c-sharp-developer", "role", "C# Developer")
	if code != 0 || stdout != "wrote "+filepath.Join(content, "roles", "c-sharp-developer.md")+"\n" {
		t.Errorf("--slug: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// check sums up a run without errors, warnings or none, in good English.
func TestCheckSummary(t *testing.T) {
	dir := t.TempDir()
	if _, _, code := runCLI(t, "init", dir); code != 0 {
		t.Fatal("init failed")
	}
	content := filepath.Join(dir, "content")
	if _, stderr, code := runCLI(t, "check", "--content", content); code != 0 || stderr != content+": no problems found in 1 role and 1 company page\n" {
		t.Errorf("a clean site: exit %d, stderr %q", code, stderr)
	}
	stdout, stderr, code := runCLI(t, "check", "--content", "testdata/warn")
	n := strings.Count(stdout, ": warning: ")
	if want := fmt.Sprintf("testdata/warn: no errors, %d warnings in 1 role and 0 company pages\n", n); code != 0 || n < 2 || stderr != want {
		t.Errorf("warnings only: exit %d, stderr %q; want %q", code, stderr, want)
	}
	if _, stderr, _ := runCLI(t, "check", "--content", "testdata/warn", "--format", "json"); stderr != "" {
		t.Errorf("--format json wrote a summary: %q", stderr)
	}
}

// lockedBuffer is an output serve may write from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve prints the address first, then the first build's report; a
// content folder without site.yaml gets a hint.
func TestServePrintsTheAddressFirst(t *testing.T) {
	for _, c := range []struct {
		content string
		second  string // how the line after the address starts
		hint    bool
	}{{"../../content", "built ", false}, {filepath.Join(t.TempDir(), "nowhere"), "the site could not be built", true}} {
		ctx, cancel := context.WithCancel(context.Background())
		var stdout, stderr lockedBuffer
		done := make(chan int)
		go func() { done <- run(ctx, []string{"serve", "--port", "0", "--content", c.content}, &stdout, &stderr) }()
		deadline := time.Now().Add(5 * time.Second)
		for strings.Count(stdout.String(), "\n") < 2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		<-done
		lines := strings.Split(stdout.String(), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "serving the preview at http://127.0.0.1:") || !strings.HasPrefix(lines[1], c.second) {
			t.Errorf("--content %s: stdout %q; want the address, then %q", c.content, stdout.String(), c.second)
		}
		if hint := strings.Contains(stderr.String(), "site.yaml does not exist: point --content at your site's content folder, or start a site with hirebook init"); hint != c.hint {
			t.Errorf("--content %s: stderr %q; hint shown %v, want %v", c.content, stderr.String(), hint, c.hint)
		}
	}
}

// new role "C#" writes c.md, as --slug C# would be refused: it says which
// file name it chose and that --slug chooses another. A title whose
// punctuation only separates words gets no note.
func TestNewRoleSaysWhatItsFileNameLeavesOut(t *testing.T) {
	tmp := t.TempDir()
	if _, _, code := runCLI(t, "init", tmp); code != 0 {
		t.Fatal("init failed")
	}
	content := filepath.Join(tmp, "content")
	stdout, stderr, code := runCLI(t, "new", "--content", content, "role", "C#")
	if code != 0 || stdout != "wrote "+filepath.Join(content, "roles", "c.md")+"\n" ||
		stderr != `note: the file name c.md leaves out "#" of the title "C#"; to choose another, delete the file and run hirebook new again with --slug NAME (lower-case letters, digits and hyphens)`+"\n" {
		t.Errorf("new role C#: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, args := range [][]string{{"role", "Payroll and/or Benefits"}, {"--slug", "cpp", "role", "C++"}} {
		_, stderr, code := runCLI(t, append([]string{"new", "--content", content}, args...)...)
		if code != 0 || stderr != "" {
			t.Errorf("new %q: exit %d, stderr %q; want 0 and no note", args, code, stderr)
		}
	}
}
