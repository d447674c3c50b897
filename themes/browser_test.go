package themes_test

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/hirebook/hirebook/internal/testfs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/internal/browsertest"
)

// The browser tests drive Debian's chromium (headless) through every page
// type of the example site, plus a role written to strain the layout, on
// one browser for the whole run. They fail in CI (CI=true) when chromium or
// axe-core is missing, and skip elsewhere.

const (
	example    = "../content"
	passphrase = "tumble sprout ravine oxygen"
	lanHost    = "lan.hirebook.test" // an insecure origin: no clipboard API
	axePath    = "testdata/axe/node_modules/axe-core/axe.min.js"
)

// strainRole has what breaks narrow layouts: long words, a long URL, a
// wide table, a code block, long names.
const strainRole = `---
title: Principal Verantwortungsübernahmebereitschaftsbeauftragte (Datenschutzgrundverordnungskonformität)
summary: Anunusuallylongwordwithoutanyplacetobreakthatmustwrapratherthanscrollsideways.
team: Rechnungsprüfungsabteilungsleitungsassistenz
location: Remote, https://example.com/a/very/long/path/that/never/ends/and/keeps/going/forever
work_mode: remote
apply: https://example.com/apply/with/a/very/long/path/that/never/ends/and/keeps/going/forever
kpos:
  - id: strain
    title: Reconcilethesupercalifragilisticexpialidociousaccountsreceivableledgerwithoutabreak every month
    outcome: Zero unexplained differences
    timeframe: every month
interviewers:
  - name: Maximiliane Theodora Wilhelmina von Hohenzollern-Sigmaringen
    title: Oberbuchhaltungsabteilungsleiterin
    covers: [strain]
---
Read https://example.com/a/very/long/path/that/never/ends/and/keeps/going/forever/and/ever/and/ever now.

| Quarter | Reconciliations | Differences found | Differences explained | Owner | Reviewer |
| --- | --- | --- | --- | --- | --- |
| Q1 2027 | 1,204 | 17 | 17 | Accounts receivable | Controller |

    a_code_line_that_is_much_wider_than_any_phone_screen_could_ever_show_in_one_line = true
`

// site is a built site served over HTTP from memory.
type site struct {
	res  *generator.Result
	base string // http://127.0.0.1:port/careers/
}

func exampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := testfs.Folder(t, example)
	m["roles/strain.md"] = &fstest.MapFile{Data: []byte(strainRole)}
	return m
}

// serve builds the example and serves it like GitHub Pages: under its base
// path, index.html for folders, 404.html with status 404 for the rest.
func serve(t *testing.T, o generator.Options) *site {
	t.Helper()
	clock, _ := content.ParseDate("2026-12-01")
	o.ContentFS, o.Clock, o.Drafts = exampleFS(t), clock, true
	res, err := generator.Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	srv := browsertest.Serve(t, res)
	return &site{res: res, base: srv.URL + res.BasePath}
}

// browser is one headless chromium, shared by every subtest.
type browser struct {
	ctx  context.Context
	shot string // folder for screenshots and PDFs
}

// screenshots is where screenshots and PDFs go: $HIREBOOK_SCREENSHOTS, or
// the test's artifact folder (kept with go test -artifacts).
func screenshots(t *testing.T) string {
	dir := os.Getenv("HIREBOOK_SCREENSHOTS")
	if dir == "" {
		return t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func startBrowser(t *testing.T, lanTarget string) *browser {
	bin := browsertest.Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, browsertest.Options(bin, t.TempDir(),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		// A name that is not a secure context, as a preview served to a
		// phone over the local network is.
		chromedp.Flag("host-resolver-rules", "MAP "+lanHost+" "+lanTarget),
	)...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancelBrowser)
	b := &browser{ctx: bctx, shot: screenshots(t)}
	// Record every Content-Security-Policy violation of every page, from
	// before its first byte.
	_, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; window.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into T.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %.80s: %v", expr, err)
	}
	return v
}

// waitFor polls from Go until expr is true, so it survives the page being
// replaced.
func (b *browser) waitFor(t *testing.T, what, expr string) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(40 * time.Millisecond) {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && v {
			return
		}
	}
	text, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
	t.Fatalf("%s: timed out waiting for %s; the page says:\n%s", what, expr, text)
}

// phone sets a phone's viewport: width x height CSS pixels, touch, mobile.
func (b *browser) phone(t *testing.T, width, height int64, scale float64) {
	t.Helper()
	b.do(t, fmt.Sprintf("viewport %dx%d", width, height),
		chromedp.EmulateViewport(width, height, chromedp.EmulateScale(scale), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait))
}

// media emulates a media type ("print" or "") and a color scheme ("dark",
// "light" or "").
func (b *browser) media(t *testing.T, typ, scheme string) {
	t.Helper()
	p := emulation.SetEmulatedMediaParams{Media: typ}
	if scheme != "" {
		p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, p); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shot, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) pdf(t *testing.T, name string, paper chromedp.PaperSize) []byte {
	t.Helper()
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatalf("print %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shot, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// axeViolation is one failed axe-core rule on a page.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target         []any
		FailureSummary string
	}
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-3)
			break
		}
		fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " "))
	}
	return b.String()
}

// axe loads axe-core's script for injection: missing, it fails in CI and
// skips elsewhere.
func axe(t *testing.T) string {
	b, err := os.ReadFile(axePath)
	if err == nil {
		return string(b)
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("axe-core is not installed (%v): cd themes/testdata/axe && npm ci", err)
	}
	t.Skipf("axe-core is not installed (%v): cd themes/testdata/axe && npm ci; CI runs this test", err)
	return ""
}

// runAxe injects axe-core into the page and runs every rule it runs by
// default, plus target-size (WCAG 2.2 AA).
func (b *browser) runAxe(t *testing.T, src string) []axeViolation {
	t.Helper()
	if !eval[bool](t, b, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			t.Fatalf("inject axe-core: %v", err)
		}
	}
	raw := eval[[]byte](t, b, `axe.run(document, {resultTypes: ["violations"], rules: {"target-size": {enabled: true}}}).then((r) => r.violations)`)
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("axe results: %v", err)
	}
	return vs
}
