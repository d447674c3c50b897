package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/serve"
	"golang.org/x/net/html"
)

// startServer copies the example content, serves it on a free port on
// 127.0.0.1 with the watcher running, and returns the base URL.
func startServer(t *testing.T) (string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", dir)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv := serve.New(ctx, generator.Options{Content: dir}, io.Discard)
	if e := srv.Errors(); e != "" {
		t.Fatalf("first build failed: %s", e)
	}
	ln, err := serve.Listen("", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ln.Addr().String(), "127.0.0.1:") {
		t.Fatalf("default bind is %s, want 127.0.0.1", ln.Addr())
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	ready := make(chan struct{})
	go func() {
		close(ready)
		srv.Watch(ctx, dir)
	}()
	<-ready
	time.Sleep(100 * time.Millisecond) // let the watcher add its folders
	return "http://" + ln.Addr().String() + srv.BasePath(), dir
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// h1 returns the text of the page's h1.
func h1(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var find func(*html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.Data == "h1" {
			return text(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if s := find(c); s != "" {
				return s
			}
		}
		return ""
	}
	return find(doc)
}

// eventually polls until ok returns true or two seconds pass.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestServeFollowsEdits(t *testing.T) {
	base, dir := startServer(t)
	role := base + "roles/customer-support-lead/"
	code, page := get(t, role)
	if code != 200 || h1(t, page) != "Customer Support Lead, Tier 2" {
		t.Fatalf("role page: %d %q", code, h1(t, page))
	}
	if !strings.Contains(page, "/__hirebook/reload.js") {
		t.Error("served page has no reload script")
	}
	file := filepath.Join(dir, "roles", "customer-support-lead.md")

	// Change: the page follows.
	replaceIn(t, file, "title: Customer Support Lead, Tier 2", "title: Customer Support Lead, Night Shift")
	eventually(t, "the edited title", func() bool { _, p := get(t, role); return h1(t, p) == "Customer Support Lead, Night Shift" })

	// Invalid edit: the last good page still serves, with the error (file
	// and key) at its top.
	replaceIn(t, file, "work_mode: hybrid", "work_mode: hybird")
	eventually(t, "the error on the page", func() bool {
		code, p := get(t, role)
		return code == 200 && h1(t, p) == "Customer Support Lead, Night Shift" &&
			strings.Contains(p, `role="alert"`) && strings.Contains(p, "customer-support-lead.md:") && strings.Contains(p, "work_mode")
	})
	if code, p := get(t, base+"assets/style.css"); code != 200 || p == "" {
		t.Errorf("last good files stopped serving: %d", code)
	}
	// Fix: recovers without a restart.
	replaceIn(t, file, "work_mode: hybird", "work_mode: hybrid")
	eventually(t, "recovery", func() bool { code, p := get(t, role); return code == 200 && !strings.Contains(p, `role="alert"`) })

	// Add a role: its page appears.
	added := filepath.Join(dir, "roles", "brand-new.md")
	os.WriteFile(added, []byte("---\ntitle: Brand new role\ncloses: 2099-01-01\nkpos:\n  - title: Grow the newsletter to 10,000 readers within a year\n---\nHi.\n"), 0o644)
	eventually(t, "the added role", func() bool {
		code, p := get(t, base+"roles/brand-new/")
		return code == 200 && h1(t, p) == "Brand new role"
	})

	// Rename it, as editors that save through a temporary file do.
	renamed := filepath.Join(dir, "roles", "renamed.md")
	if err := os.Rename(added, renamed); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the renamed role", func() bool {
		c1, _ := get(t, base+"roles/brand-new/")
		c2, _ := get(t, base+"roles/renamed/")
		return c1 == 404 && c2 == 200
	})

	// Delete it: the page goes.
	os.Remove(renamed)
	eventually(t, "the deleted role to go", func() bool { code, _ := get(t, base+"roles/renamed/"); return code == 404 })
}

func TestReloadEventArrives(t *testing.T) {
	base, dir := startServer(t)
	root := strings.TrimSuffix(base, "/careers/")
	resp, err := http.Get(root + serve.EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	events := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			events <- sc.Text()
		}
	}()
	replaceIn(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "title: Customer Support Lead, Tier 2", "title: Customer Support Lead, Weekend")
	timeout := time.After(3 * time.Second)
	for {
		select {
		case line := <-events:
			if line == "event: reload" {
				return
			}
		case <-timeout:
			t.Fatal("no reload event after a change")
		}
	}
}

func TestBuiltFilesCarryNoReloadScript(t *testing.T) {
	res, err := generator.Build(context.Background(), generator.Options{Content: "../../content", PreviewGuides: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if bytes.Contains(f.Data, []byte("__hirebook")) {
			t.Errorf("%s carries the preview's reload script", f.Path)
		}
	}
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// On the loopback address the preview answers only to local host names: a
// page elsewhere whose host name is made to point at 127.0.0.1 (DNS
// rebinding) gets nothing.
func TestServeAnswersOnlyLocalNames(t *testing.T) {
	base, _ := startServer(t)
	port := strings.TrimPrefix(strings.SplitN(base, "/", 4)[2], "127.0.0.1:")
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        200,
		"localhost:" + port:        200,
		"app.localhost:" + port:    200,
		"[::1]:" + port:            200,
		"0.0.0.0:" + port:          200,
		"[::]:" + port:             200,
		"attacker.example:" + port: 403,
		"attacker.example":         403,
		"127.0.0.1.nip.io:" + port: 403,
	} {
		req, err := http.NewRequest("GET", base+"roles/customer-support-lead/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
		if want == 403 && strings.Contains(string(b), "Customer Support Lead") {
			t.Errorf("Host %s: the page was served", host)
		}
	}
}

// A themes/ folder made while serve runs is watched from then on: its
// files are part of the next build.
func TestWatchSeesThemesMadeLater(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	copyDir(t, "../../content", dir)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv := serve.New(ctx, generator.Options{Content: dir}, io.Discard)
	base := listen(t, srv)
	go srv.Watch(ctx, dir, filepath.Join(root, "themes"))
	time.Sleep(100 * time.Millisecond)
	if code, _ := get(t, base+"assets/note.txt"); code != 404 {
		t.Fatalf("assets/note.txt: %d before the theme exists", code)
	}
	assets := filepath.Join(root, "themes", "default", "assets")
	if err := os.MkdirAll(assets, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the new folders are being watched
	writeNote(t, assets, "from the new theme")
	servesNote(t, "the new theme's file", base, "from the new theme")
}

// A name allowed with AllowHosts (a port-forwarding service's), and the
// machine's own name, are answered on loopback too.
func TestServeAnswersAllowedNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", dir)
	srv := serve.New(context.Background(), generator.Options{Content: dir}, io.Discard)
	srv.AllowHosts("Box-1234.app.github.dev", " ")
	base := listen(t, srv)
	hostname, _ := os.Hostname()
	for host, want := range map[string]int{"box-1234.app.github.dev": 200, hostname: 200, "other.app.github.dev": 403} {
		req, _ := http.NewRequest("GET", base, nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// With the content folder as the site's root (serve --content .), themes/
// is looked for inside it; waiting for it must not hide edits to the
// content itself.
func TestWatchContentAsRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	copyDir(t, "../../content", dir)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv := serve.New(ctx, generator.Options{Content: dir}, io.Discard)
	base := listen(t, srv)
	go srv.Watch(ctx, dir, filepath.Join(dir, "themes"))
	time.Sleep(100 * time.Millisecond)
	replaceIn(t, filepath.Join(dir, "site.yaml"), "title: Careers at Northwind Ledger", "title: Jobs at Northwind Ledger")
	eventually(t, "the new site title", func() bool {
		_, p := get(t, base)
		return strings.Contains(p, "Jobs at Northwind Ledger")
	})
}

// A base path that is not ASCII is served: requests arrive decoded.
func TestServeNonASCIIBasePath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", dir)
	srv := serve.New(context.Background(), generator.Options{Content: dir, BaseURL: "https://example.org/karriär/"}, io.Discard)
	if srv.BasePath() != "/karri%C3%A4r/" {
		t.Fatalf("base path %q", srv.BasePath())
	}
	base := listen(t, srv)
	for _, p := range []string{"", "roles/customer-support-lead/", "assets/style.css"} {
		if code, _ := get(t, base+p); code != 200 {
			t.Errorf("%s: %d", base+p, code)
		}
	}
}

// listen serves srv on a free port of 127.0.0.1 until the test ends and
// returns its base URL.
func listen(t *testing.T, srv *serve.Server) string {
	t.Helper()
	ln, err := serve.Listen("", 0)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return "http://" + ln.Addr().String() + srv.BasePath()
}

// syncBuffer is a log that the watcher and the test may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The terminal says what happened in plain words: a first build that
// fails leaves nothing to serve (there is no last good site), a rebuild
// names the content file that changed and not the temporary file sed -i
// wrote to save it, and a failed rebuild keeps the last good site.
func TestServeTerminalMessages(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var log syncBuffer
	serve.New(ctx, generator.Options{Content: filepath.Join(t.TempDir(), "nowhere")}, &log)
	if l := log.String(); !strings.HasPrefix(l, "the site could not be built (") || !strings.Contains(l, "so there is nothing to serve yet") || strings.Contains(l, "last good") {
		t.Errorf("a first build that fails: %q", l)
	}

	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", dir)
	log = syncBuffer{}
	srv := serve.New(ctx, generator.Options{Content: dir}, &log)
	if l := log.String(); !regexp.MustCompile(`^built \d+ files in `).MatchString(l) {
		t.Errorf("the first build: %q", l)
	}
	go srv.Watch(ctx, dir)
	time.Sleep(100 * time.Millisecond)
	// sed -i: a sedXXXXXX file beside, renamed over the role.
	file := filepath.Join(dir, "roles", "customer-support-lead.md")
	b, _ := os.ReadFile(file)
	tmp := filepath.Join(dir, "roles", "sedNbwpMM")
	os.WriteFile(tmp, bytes.Replace(b, []byte("Tier 2"), []byte("Tier 3"), 1), 0o644)
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the rebuild line", func() bool { return strings.Contains(log.String(), "customer-support-lead.md changed: rebuilt ") })
	if strings.Contains(log.String(), "sed") {
		t.Errorf("the terminal names sed's temporary file:\n%s", log.String())
	}
	replaceIn(t, file, "work_mode: hybrid", "work_mode: hybird")
	eventually(t, "the failed rebuild", func() bool {
		return strings.Contains(log.String(), "customer-support-lead.md changed: the rebuild failed in ") && strings.Contains(log.String(), "; still serving the last good site:\n")
	})
}

// serve --content nw/content before hirebook init nw: the content folder
// and the folder above it do not exist yet. They are waited for, and the
// site made later is built without a restart; the terminal says "built",
// not "rebuilt", since there was no site before. The folders are named as
// serve names them, relative to the working folder.
func TestWatchSeesContentMadeLater(t *testing.T) {
	example, err := filepath.Abs("../../content")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	dir := filepath.Join("nw", "content")
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var log syncBuffer
	srv := serve.New(ctx, generator.Options{Content: dir}, &log)
	if srv.Errors() == "" {
		t.Fatal("a site with no content folder built")
	}
	base := listen(t, srv)
	go srv.Watch(ctx, dir, filepath.Join("nw", "themes"))
	time.Sleep(100 * time.Millisecond)
	copyDir(t, example, dir) // makes nw and nw/content at once, as init does
	eventually(t, "the site made later", func() bool {
		code, page := get(t, base)
		return code == 200 && strings.Contains(page, "Northwind Ledger")
	})
	if l := log.String(); !regexp.MustCompile(`changed: built \d+ files in `).MatchString(l) || strings.Contains(l, "rebuilt") {
		t.Errorf("the first good build is not said to be built:\n%s", l)
	}
}

// A first build that fails and a change that fixes it: the change builds
// the first site to serve, and the terminal says so.
func TestFirstGoodBuildSaysBuilt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", dir)
	site := filepath.Join(dir, "site.yaml")
	good, _ := os.ReadFile(site)
	if err := os.WriteFile(site, append([]byte("\t"), good...), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var log syncBuffer
	srv := serve.New(ctx, generator.Options{Content: dir}, &log)
	if srv.Errors() == "" {
		t.Fatal("a site.yaml indented with a tab built")
	}
	go srv.Watch(ctx, dir)
	time.Sleep(100 * time.Millisecond)
	if err := os.WriteFile(site, good, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the first good build", func() bool { return srv.Errors() == "" })
	if l := log.String(); !regexp.MustCompile(`\nsite\.yaml changed: built \d+ files in `).MatchString(l) {
		t.Errorf("the first good build, after a failed one:\n%s", l)
	}
}

// watch runs srv's watcher on dirs until the test ends, when it must stop
// at once: it cannot while it is stuck outside its event loop.
func watch(t *testing.T, srv *serve.Server, dirs ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		srv.Watch(ctx, dirs...)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Error("the watcher did not stop: it is stuck outside its event loop")
		}
	})
	time.Sleep(100 * time.Millisecond) // let the watcher add its folders
}

// retitle changes the site's title in dir/site.yaml and waits for the
// preview at base to show it.
func retitle(t *testing.T, base, dir, title string) {
	t.Helper()
	site := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(b, []byte("title: "+title))
	if err := os.WriteFile(site, b, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the site title "+title, func() bool {
		_, p := get(t, base)
		return strings.Contains(p, title)
	})
}

// A path element that exists but is not a folder (a file named themes
// beside the content folder, serve --content site.yaml, a file made with
// the awaited name while serve runs) is waited past, not spun on: edits
// to the content are still seen, and a folder that takes the file's place
// is watched.
func TestWatchWaitsPastFiles(t *testing.T) {
	t.Run("a file named themes", func(t *testing.T) {
		root := t.TempDir()
		dir, themes := filepath.Join(root, "content"), filepath.Join(root, "themes")
		copyDir(t, "../../content", dir)
		if err := os.WriteFile(themes, []byte("not a folder"), 0o644); err != nil {
			t.Fatal(err)
		}
		srv := serve.New(context.Background(), generator.Options{Content: dir}, io.Discard)
		base := listen(t, srv)
		watch(t, srv, dir, themes)
		retitle(t, base, dir, "Jobs at Northwind Ledger")
		if err := os.Remove(themes); err != nil {
			t.Fatal(err)
		}
		assets := filepath.Join(themes, "default", "assets")
		if err := os.MkdirAll(assets, 0o755); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond) // the new folders are being watched
		writeNote(t, assets, "from the folder")
		servesNote(t, "the new theme's file", base, "from the folder")
	})
	t.Run("a file made with the awaited name", func(t *testing.T) {
		root := t.TempDir()
		dir, themes := filepath.Join(root, "content"), filepath.Join(root, "themes")
		copyDir(t, "../../content", dir)
		srv := serve.New(context.Background(), generator.Options{Content: dir}, io.Discard)
		base := listen(t, srv)
		watch(t, srv, dir, themes)
		if err := os.WriteFile(themes, []byte("not a folder"), 0o644); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		retitle(t, base, dir, "Jobs at Northwind Ledger")
	})
	t.Run("serve --content site.yaml", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "content")
		copyDir(t, "../../content", dir)
		site := filepath.Join(dir, "site.yaml")
		srv := serve.New(context.Background(), generator.Options{Content: site}, io.Discard)
		if srv.Errors() == "" {
			t.Fatal("a site.yaml given as the content folder built")
		}
		watch(t, srv, site, filepath.Join(dir, "themes"))
	})
}

// A content folder deleted and made again (serve --content nw/content,
// hirebook init nw, rm -rf nw, hirebook init nw) is watched again, whether
// it was there when serve started (with themes/ or without) or made later:
// the new site is built and its edits are seen. The build keeps the
// content folder open, so its removal is not reported by the folder
// itself.
func TestWatchSeesContentMadeAgain(t *testing.T) {
	example, err := filepath.Abs("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name            string
		atStart, themes bool
	}{{"made later", false, false}, {"there at start", true, false}, {"there at start with themes", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			dir := filepath.Join("nw", "content")
			if tc.atStart {
				copyDir(t, example, dir)
			}
			if tc.themes {
				if err := os.MkdirAll(filepath.Join("nw", "themes", "default"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			srv := serve.New(context.Background(), generator.Options{Content: dir}, io.Discard)
			base := listen(t, srv)
			watch(t, srv, dir, filepath.Join("nw", "themes"))
			if !tc.atStart {
				copyDir(t, example, dir)
			}
			eventually(t, "the first site", func() bool { return srv.Errors() == "" })
			if !tc.atStart {
				base = strings.TrimSuffix(base, "/") + srv.BasePath() // known once the site is built
			}
			if err := os.RemoveAll("nw"); err != nil {
				t.Fatal(err)
			}
			eventually(t, "the rebuild without the site", func() bool { return srv.Errors() != "" })
			copyDir(t, example, dir)
			retitle(t, base, dir, "Jobs at Northwind Ledger")
			time.Sleep(100 * time.Millisecond)
			role := base + "roles/customer-support-lead/"
			replaceIn(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "title: Customer Support Lead, Tier 2", "title: Customer Support Lead, Night Shift")
			eventually(t, "the edited role", func() bool { _, p := get(t, role); return h1(t, p) == "Customer Support Lead, Night Shift" })
		})
	}
}

// A themes/ folder deleted and made again is watched again.
func TestWatchSeesThemesMadeAgain(t *testing.T) {
	root := t.TempDir()
	dir, themes := filepath.Join(root, "content"), filepath.Join(root, "themes")
	copyDir(t, "../../content", dir)
	assets := filepath.Join(themes, "default", "assets")
	note := func(text string) { t.Helper(); writeNote(t, assets, text) }
	note("first")
	srv := serve.New(context.Background(), generator.Options{Content: dir}, io.Discard)
	base := listen(t, srv)
	watch(t, srv, dir, themes)
	if err := os.RemoveAll(themes); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the theme's file to go", func() bool { code, _ := get(t, base+"assets/note.txt"); return code == 404 })
	note("second")
	servesNote(t, "the new theme's file", base, "second")
	time.Sleep(100 * time.Millisecond)
	note("third")
	servesNote(t, "the edited theme's file", base, "third")
}

// A content folder and a themes/ folder that are symbolic links (content
// -> site-content, say) are watched: edits rebuild, and are named as
// changes of the folders serve was given, not of where the links lead.
func TestWatchFollowsLinkedFolders(t *testing.T) {
	root := t.TempDir()
	dir, themes := filepath.Join(root, "content"), filepath.Join(root, "themes")
	copyDir(t, "../../content", filepath.Join(root, "site-content"))
	assets := filepath.Join(root, "site-themes", "default", "assets")
	if err := os.MkdirAll(assets, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("site-content", dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("site-themes", themes); err != nil {
		t.Fatal(err)
	}
	var log syncBuffer
	srv := serve.New(context.Background(), generator.Options{Content: dir}, &log)
	base := listen(t, srv)
	watch(t, srv, dir, themes)
	role := base + "roles/customer-support-lead/"
	replaceIn(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "title: Customer Support Lead, Tier 2", "title: Customer Support Lead, Night Shift")
	eventually(t, "the edited role", func() bool { _, p := get(t, role); return h1(t, p) == "Customer Support Lead, Night Shift" })
	writeNote(t, assets, "from the linked theme")
	servesNote(t, "the theme's new file", base, "from the linked theme")
	if l := log.String(); !strings.Contains(l, "\nnote.txt changed: rebuilt ") {
		t.Errorf("the theme's file is not named as a change of themes/:\n%s", l)
	}
}

// writeNote writes text to note.txt in a theme's assets folder, making
// the folder when it is missing.
func writeNote(t *testing.T, assets, text string) {
	t.Helper()
	if err := os.MkdirAll(assets, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(assets, "note.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// servesNote waits until the preview serves note.txt with text.
func servesNote(t *testing.T, what, base, text string) {
	t.Helper()
	eventually(t, what, func() bool {
		code, body := get(t, base+"assets/note.txt")
		return code == 200 && body == text
	})
}
