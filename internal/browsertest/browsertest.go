// Package browsertest is what hirebook's browser tests share: finding
// Debian's chromium, the flags it runs with on a machine without a network,
// and a server that serves a built site from memory the way GitHub Pages
// does.
package browsertest

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hirebook/hirebook/generator"
)

// Chromium finds Debian's chromium. When it is missing the test fails in
// CI (CI=true), which must run it, and is skipped elsewhere.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed, and CI must run the browser tests: apt-get install -y chromium")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium); CI runs this test")
	return ""
}

// Options are the allocator options for a headless chromium at bin with a
// fresh profile in profile: no sandbox (tests run as root), no GPU, and
// nothing that reaches for the network on its own. extra come last.
func Options(bin, profile string, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	return append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	}, extra...)
}

// Serve serves res's files from memory on 127.0.0.1 as GitHub Pages does:
// under the base path, index.html for folders, 404.html with status 404
// for anything else, and a ten-minute cache. It returns the server; the
// site is at srv.URL + res.BasePath.
func Serve(t testing.TB, res *generator.Result) *httptest.Server {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, res.BasePath)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		b, found := files[rel]
		status := http.StatusOK
		if !ok || !found {
			rel, b, status = "404.html", files["404.html"], http.StatusNotFound
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(rel)))
		w.Header().Set("Cache-Control", "max-age=600")
		w.WriteHeader(status)
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}
