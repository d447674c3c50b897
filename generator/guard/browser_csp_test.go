package guard_test

import (
	"context"
	"github.com/hirebook/hirebook/internal/browsertest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserScriptPolicy opens a locked guide in headless Chromium: its
// Content-Security-Policy allows scripts only by hash, and under it
// unlock.js runs (the form shows) and, once unlocked, the guide's
// scorecard script; a changed unlock.js, which no longer matches the hash,
// does not run (the form stays hidden and the page says it needs
// JavaScript).
func TestBrowserScriptPolicy(t *testing.T) {
	bin := browsertest.Chromium(t)
	res := build(t, opts())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, browsertest.Options(bin, t.TempDir())...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelBrowser()
	const guide = "guides/senior-product-marketing-manager/"
	const formShown = `(() => { const f = document.getElementById("hb-unlock"); return !!f && !f.hidden; })()`
	const needJS = `!document.getElementById("hb-needjs").hidden`

	srv := browsertest.Serve(t, res)
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+res.BasePath+guide)); err != nil {
		t.Fatal(err)
	}
	policy, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(policy, "script-src 'sha256-") || strings.Contains(policy, "script-src 'self'") {
		t.Errorf("the locked page's policy does not name scripts by hash: %s", policy)
	}
	if !poll(bctx, formShown, 10*time.Second) {
		t.Fatal("unlock.js did not run under the page's policy")
	}
	// The decrypted guide keeps the locked page's policy and adds its own;
	// the scorecard script runs under both.
	if err := chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS("#hb-pass"), passphrase+"\r")); err != nil {
		t.Fatal(err)
	}
	if !poll(bctx, `(() => { const c = document.getElementById("sc"); return !!c && c.dataset.ready === "1"; })()`, 30*time.Second) {
		t.Error("scorecard.js did not run in the unlocked guide")
	}

	// The same site with one byte of unlock.js changed.
	for i, f := range res.Files {
		if f.Path == "assets/unlock.js" {
			res.Files[i].Data = append(append([]byte(nil), f.Data...), "\n// changed\n"...)
		}
	}
	tampered := browsertest.Serve(t, res)
	if err := chromedp.Do(bctx, chromedp.Navigate(tampered.URL+res.BasePath+guide)); err != nil {
		t.Fatal(err)
	}
	if poll(bctx, formShown, 2*time.Second) {
		t.Error("a changed unlock.js ran")
	}
	if !poll(bctx, needJS, time.Second) {
		t.Error("the page does not say it needs JavaScript")
	}
}

// poll evaluates expr until it is true or d has passed.
func poll(ctx context.Context, expr string, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && v {
			return true
		}
	}
	return false
}
