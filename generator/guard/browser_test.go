package guard_test

import (
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hirebook/hirebook/internal/browsertest"
)

func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowserUnlock drives headless Chromium through a sealed site: a
// wrong passphrase shows the error and no content; the right one, with
// "remember", shows the guide's KPO questions and internal notes; the
// guide's links work and the next pages open without typing; "forget" makes
// the site ask again; a github.io address shows the shared-origin warning.
func TestBrowserUnlock(t *testing.T) {
	bin := browsertest.Chromium(t)
	res := build(t, opts())
	srv := browsertest.Serve(t, res)
	host := strings.TrimPrefix(srv.URL, "http://")
	if h, _, _ := net.SplitHostPort(host); h != "127.0.0.1" {
		t.Fatalf("test server on %s, not 127.0.0.1", host)
	}
	base := srv.URL + res.BasePath
	const ghHost = "northwind-ledger.github.io"

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, browsertest.Options(bin, t.TempDir(),
		// A github.io name for the shared-origin warning, answered by the
		// test server and treated as secure as 127.0.0.1 is.
		chromedp.Flag("host-resolver-rules", "MAP "+ghHost+" "+host),
		chromedp.Flag("unsafely-treat-insecure-origin-as-secure", "http://"+ghHost),
	)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelBrowser()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) bool {
		v, err := chromedp.Run(bctx, chromedp.Evaluate[bool](expr))
		return err == nil && v
	}
	// waitFor polls from Go, so it survives the page being replaced or
	// navigating away.
	waitFor := func(what, expr string) {
		t.Helper()
		for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if eval(expr) {
				return
			}
		}
		var body string
		body, _ = chromedp.Run(bctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		t.Fatalf("%s: timed out waiting for %s; the page says:\n%s", what, expr, body)
	}
	shows := func(text string) string {
		return `!!document.body && document.body.innerText.includes(` + js(text) + `)`
	}
	holds := func(text string) string { return `document.documentElement.outerHTML.includes(` + js(text) + `)` }
	const asking = `(() => { const f = document.getElementById("hb-unlock"); return !!f && !f.hidden; })()`
	const (
		probeA = "Which stakeholder disagreed most with your positioning"
		probeB = "How did you find out the old hand-off was failing"
		guideA = "guides/senior-product-marketing-manager/"
	)

	do("open a guide", chromedp.Navigate(base+guideA))
	waitFor("the passphrase form", asking)
	if eval(holds(probeA)) || eval(holds("INTERNAL-ONLY")) {
		t.Fatal("the locked page holds guide text")
	}
	if !eval(`document.getElementById("hb-shared").hidden`) {
		t.Error("the shared-origin warning shows on 127.0.0.1")
	}

	do("type a wrong passphrase and press Enter", chromedp.SendKeys(chromedp.CSS("#hb-pass"), "wrong horse battery staple\r"))
	waitFor("the wrong-passphrase message", shows("Wrong passphrase"))
	if eval(holds(probeA)) || eval(holds("INTERNAL-ONLY")) || !eval(asking) {
		t.Fatal("after a wrong passphrase the page shows guide text, or no form")
	}
	if !eval(`document.getElementById("hb-pass").getAttribute("aria-invalid") === "true"`) {
		t.Error("the field is not marked invalid")
	}

	do("type the passphrase, remember, press the button",
		chromedp.Evaluate[chromedp.Void](`document.getElementById("hb-pass").value = ""`),
		chromedp.SendKeys(chromedp.CSS("#hb-pass"), "  "+passphrase+" "), // a phone keyboard's extra spaces
		chromedp.Click(chromedp.CSS("#hb-remember")),
		chromedp.Click(chromedp.CSS("#hb-unlock button")),
	)
	waitFor("the guide's KPO questions", shows(probeA))
	waitFor("the internal notes", shows("INTERNAL-ONLY"))
	waitFor("the forget control", `!!document.getElementById("hb-forget")`)
	if eval(`!!document.getElementById("hb-sealed")`) {
		t.Error("the shell is still in the decrypted page")
	}

	do("follow the guide's link to the guide index", chromedp.Click(chromedp.CSS(`header nav a[href$="/guides/"]`)))
	waitFor("the guide index, without typing", shows("One guide per role"))
	do("follow the index's link to another guide", chromedp.Click(chromedp.CSS(`a[href$="/guides/customer-support-lead/"]`)))
	waitFor("the second guide, without typing", shows(probeB))

	// A device that cannot delete the key says so, and never "Forgotten".
	do("forget on a device whose storage fails", chromedp.Evaluate[chromedp.Void](`indexedDB.open = () => { throw new Error("storage refused") }`),
		chromedp.Click(chromedp.CSS("#hb-forget")), chromedp.Click(chromedp.CSS("#hb-forget-yes")))
	waitFor("the could-not-forget message", shows("could not forget the key"))
	if eval(shows("Forgotten")) || !eval(holds(probeB)) {
		t.Fatal("a failed forget said Forgotten or locked the page")
	}
	// Keep it, then ask again: the question is back, not the failure.
	do("keep the key, then ask again", chromedp.Click(chromedp.CSS("#hb-forget-no")), chromedp.Click(chromedp.CSS("#hb-forget")))
	if !eval(shows("Forget the key on this device?")) || eval(shows("could not forget the key")) {
		t.Fatal("the confirmation shows a failed try's message instead of its question")
	}
	do("forget on this device, and confirm", chromedp.Evaluate[chromedp.Void](`delete indexedDB.open`), chromedp.Click(chromedp.CSS("#hb-forget-yes")))
	waitFor("the forgotten message", shows("Forgotten"))
	do("open the first guide again", chromedp.Navigate(base+guideA))
	waitFor("the passphrase form again", asking)
	if eval(holds(probeA)) {
		t.Fatal("after forget, the guide opened without the passphrase")
	}

	do("open the guides on a github.io address", chromedp.Navigate("http://"+ghHost+res.BasePath+"guides/"))
	waitFor("the passphrase form on github.io", asking)
	waitFor("the shared-origin warning", `!document.getElementById("hb-shared").hidden && `+shows(ghHost))
	do("unlock on github.io", chromedp.SendKeys(chromedp.CSS("#hb-pass"), passphrase+"\r"))
	waitFor("the guide index on github.io", shows("One guide per role"))
}
