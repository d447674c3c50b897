package themes_test

import (
	"bytes"
	"fmt"
	"github.com/hirebook/hirebook/internal/browsertest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hirebook/hirebook/generator"
)

const (
	spmm   = "roles/senior-product-marketing-manager/"
	guide  = "guides/senior-product-marketing-manager/"
	kit    = "guides/senior-product-marketing-manager/marisol-vance/"
	asking = `(() => { const f = document.getElementById("hb-unlock"); return !!f && !f.hidden; })()`
	scored = `(() => { const t = document.getElementById("sc-tools"); return !!t && !t.hidden; })()`
)

// pageType is one kind of page, at one URL of a served site.
type pageType struct {
	name, url string
	ready     string // JavaScript that is true once the page is ready
}

// TestBrowser runs every browser check on one headless chromium: the
// layout of each page type at phone sizes, axe-core, print, the guide
// without JavaScript, and the scorecard (see browser_scorecard_test.go).
func TestBrowser(t *testing.T) {
	browsertest.Chromium(t)
	plain := serve(t, generator.Options{PreviewGuides: true})
	sealed := serve(t, generator.Options{Passphrase: passphrase, GuideIterations: 1000})
	u, _ := url.Parse(plain.base)
	b := startBrowser(t, u.Host)
	types := []pageType{
		{"portal", plain.base, ""},
		{"team", plain.base + "teams/marketing/", ""},
		{"role", plain.base + spmm, ""},
		{"role-strain", plain.base + "roles/strain/", ""},
		{"primer", plain.base + spmm + "questions/", ""},
		{"company", plain.base + "company/how-we-interview/", ""},
		{"404", plain.base + "no/such/page/", ""},
		{"guide", plain.base + guide, scored},
		{"kit", plain.base + kit, scored},
		{"guide-strain", plain.base + "guides/strain/", scored},
		{"guide-index", plain.base + "guides/", ""},
		{"locked", sealed.base + guide, asking},
	}
	t.Run("layout", func(t *testing.T) {
		for _, p := range types {
			t.Run(p.name, func(t *testing.T) { checkLayout(t, b, p) })
		}
	})
	t.Run("axe", func(t *testing.T) {
		src := axe(t)
		for _, p := range types {
			t.Run(p.name, func(t *testing.T) { checkAxe(t, b, p, src) })
		}
	})
	t.Run("print", func(t *testing.T) {
		for _, p := range []pageType{types[2], types[4], types[7]} {
			t.Run(p.name, func(t *testing.T) { checkPrint(t, b, p) })
		}
	})
	t.Run("guide without JavaScript", func(t *testing.T) { checkNoScript(t, b, plain.base+guide) })
	t.Run("scorecard", func(t *testing.T) { checkScorecard(t, b, plain.base) })
	t.Run("scorecard over plain http", func(t *testing.T) { checkClipboardFallback(t, b, "http://"+lanHost+plain.res.BasePath) })
	t.Run("scorecard after unlocking", func(t *testing.T) { checkUnlockedScorecard(t, b, sealed.base) })
	t.Run("table words", func(t *testing.T) { checkTableWords(t, b, plain.base) })
	t.Run("print links", func(t *testing.T) { checkPrintLinks(t, b, plain.base) })
	t.Run("print sheets", func(t *testing.T) { checkPrintPages(t, b, plain.base) })
	t.Run("locked page", func(t *testing.T) { checkLockedPage(t, b, sealed.base) })
	t.Run("time plan targets", func(t *testing.T) { checkCoversTargets(t, b, plain.base) })
	t.Run("forget on this device", func(t *testing.T) { checkForget(t, b, sealed.base) })
	t.Logf("screenshots and PDFs: %s", b.shot)
}

func (b *browser) open(t *testing.T, p pageType) {
	t.Helper()
	b.do(t, "open "+p.url, chromedp.Navigate(p.url))
	if p.ready != "" {
		b.waitFor(t, p.name, p.ready)
	}
}

// checkLayout opens a page at 390x844 and at 320x568: nothing may scroll
// sideways, nothing may break the page's Content-Security-Policy; touch
// targets, type size, the skip link and focus are checked at 390.
func checkLayout(t *testing.T, b *browser, p pageType) {
	for _, vp := range []struct {
		w, h  int64
		scale float64
	}{{390, 844, 2}, {320, 568, 1}} {
		b.phone(t, vp.w, vp.h, vp.scale)
		b.open(t, p)
		if wide := eval[[]string](t, b, wideElements); len(wide) > 0 {
			t.Errorf("at %d px the page scrolls sideways; too wide: %s", vp.w, strings.Join(wide, "; "))
		}
		if csp := eval[[]string](t, b, `window.__csp || []`); len(csp) > 0 {
			t.Errorf("Content-Security-Policy violations: %s", strings.Join(csp, "; "))
		}
		b.screenshot(t, fmt.Sprintf("%s-%d", p.name, vp.w))
		if vp.w != 390 {
			continue
		}
		if small := eval[[]string](t, b, smallTargets); len(small) > 0 {
			t.Errorf("touch targets under 44 px: %s", strings.Join(small, "; "))
		}
		if px := eval[float64](t, b, `parseFloat(getComputedStyle(document.body).fontSize)`); px < 16 {
			t.Errorf("body text is %.1f px; want 16 or more, readable without zoom", px)
		}
		if got := eval[string](t, b, headingOrder); got != "" {
			t.Errorf("headings: %s", got)
		}
		if eval[bool](t, b, `document.activeElement !== document.body`) {
			continue // the page put the focus on its one field (the locked page)
		}
		b.do(t, "press Tab", chromedp.KeyEvent("\t"))
		focus := eval[[]string](t, b, `(() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
			return [e.className, s.outlineStyle, String(r.top >= 0 && r.bottom <= innerHeight), e.getAttribute("href") || ""]; })()`)
		if focus[0] != "skip" || focus[3] != "#main" || focus[2] != "true" {
			t.Errorf("the first Tab focuses %q (href %q, in view %s); want the visible skip link to #main", focus[0], focus[3], focus[2])
		}
		if focus[1] == "none" {
			t.Error("the focused skip link shows no outline")
		}
	}
}

// wideElements lists the elements that stick out of the viewport, when
// the document is wider than it.
const wideElements = `(() => {
	if (document.documentElement.scrollWidth <= innerWidth) return [];
	const out = ["document " + document.documentElement.scrollWidth + " px"];
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect();
		if (r.right > innerWidth + 0.5 && out.length < 6) out.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " to " + Math.round(r.right) + " px");
	}
	return out;
})()`

// smallTargets lists links, buttons and fields under 44 px high (44 wide
// too, except links). A link inside a sentence is exempt, as in WCAG
// 2.5.8; a radio button or checkbox counts with its label.
const smallTargets = `(() => {
	const out = [];
	for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary")) {
		const label = el.closest("label") || (el.id && document.querySelector("label[for='" + el.id + "']"));
		const target = (el.matches("input[type=radio], input[type=checkbox]") && label) || el;
		const r = target.getBoundingClientRect(), s = getComputedStyle(target);
		if (!r.width || !r.height || s.visibility === "hidden") continue;
		if (el.tagName === "A" && s.display === "inline") {
			const block = el.parentElement.closest("p, li, dd, td, th, blockquote, figcaption");
			if (block && block.textContent.trim().length > el.textContent.trim().length + 2) continue;
		}
		if (r.height < 43.5 || r.width < (el.tagName === "A" ? 24 : 43.5)) {
			out.push(el.tagName.toLowerCase() + " \"" + (el.textContent || el.name || "").trim().slice(0, 40) + "\" " + Math.round(r.width) + "x" + Math.round(r.height));
		}
	}
	return out.slice(0, 8);
})()`

// headingOrder is empty when the page has one h1 first and no heading
// skips a level on the way down.
const headingOrder = `(() => {
	const hs = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
	if (hs.filter((n) => n === 1).length !== 1 || hs[0] !== 1) return "want one h1, first; got " + hs.join(" ");
	for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i - 1] + 1) return "h" + hs[i - 1] + " then h" + hs[i];
	return "";
})()`

// checkAxe runs axe-core on the page at 390x844, in the light and the dark
// color scheme.
func checkAxe(t *testing.T, b *browser, p pageType, src string) {
	b.phone(t, 390, 844, 2)
	for _, scheme := range []string{"light", "dark"} {
		b.media(t, "", scheme)
		b.open(t, p)
		for _, v := range b.runAxe(t, src) {
			t.Errorf("%s scheme: %s", scheme, v)
		}
		if scheme == "dark" {
			b.screenshot(t, p.name+"-390-dark")
		}
	}
	b.media(t, "", "")
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// checkPrint prints the page on A4 and on Letter, after checking the print
// styles: no navigation, link targets shown, a page per KPO in the guide.
func checkPrint(t *testing.T, b *browser, p pageType) {
	b.do(t, "desktop viewport", chromedp.EmulateViewport(1024, 768))
	b.open(t, p)
	b.media(t, "print", "")
	checks := map[string]string{
		"the navigation is hidden": `getComputedStyle(document.querySelector("header nav")).display === "none"`,
		"the skip link is hidden":  `getComputedStyle(document.querySelector(".skip")).display === "none"`,
	}
	switch p.name {
	case "role":
		checks["the apply link shows its address"] = `getComputedStyle(document.querySelector("a.button"), "::after").content.includes("http")`
	case "guide":
		checks["each KPO starts a page"] = `[...document.querySelectorAll(".kpo-guide")].every((s) => getComputedStyle(s).breakBefore === "page")`
		checks["the scorecard starts a page"] = `getComputedStyle(document.getElementById("scorecard-sec")).breakBefore === "page"`
		checks["the scorecard buttons are hidden"] = `getComputedStyle(document.getElementById("sc-tools")).display === "none"`
		checks["evidence boxes leave room to write"] = `[...document.querySelectorAll(".score textarea")].every((a) => a.getBoundingClientRect().height >= 80)`
	}
	for what, expr := range checks {
		if !eval[bool](t, b, expr) {
			t.Errorf("print: %s: not true", what)
		}
	}
	b.media(t, "", "")
	kpos := eval[int](t, b, `document.querySelectorAll(".kpo-guide").length`)
	for _, paper := range []struct {
		name string
		size chromedp.PaperSize
	}{{"a4", chromedp.PaperA4}, {"letter", chromedp.PaperLetter}} {
		pdf := b.pdf(t, p.name+"-"+paper.name, paper.size)
		n := len(pdfPage.FindAll(pdf, -1))
		if !bytes.HasPrefix(pdf, []byte("%PDF")) || n == 0 || n < kpos+1 {
			t.Errorf("%s: %d pages, want at least %d", paper.name, n, kpos+1)
		}
	}
}

// checkNoScript opens the guide with JavaScript off: it reads fully, and
// the scorecard's buttons stay hidden.
func checkNoScript(t *testing.T, b *browser, url string) {
	b.phone(t, 390, 844, 1)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
	b.do(t, "open the guide", chromedp.Navigate(url))
	got := eval[[]int](t, b, `[document.querySelectorAll(".kpo-guide .ask").length, document.querySelectorAll(".score").length,
		["sc-tools", "sc-restored", "sc-note"].every((id) => document.getElementById(id).getClientRects().length === 0) ? 1 : 0,
		document.documentElement.scrollWidth - innerWidth]`)
	if got[0] != 4 || got[1] < 5 || got[2] != 1 || got[3] > 0 {
		t.Errorf("without JavaScript: %d opening questions (want 4), %d scorecard lines, buttons hidden %v, %d px too wide", got[0], got[1], got[2] == 1, got[3])
	}
}

// splitWords lists the words of the role body's table cells that are
// broken across two lines, and whether each table that is wider than its
// box scrolls inside it.
const splitWords = `(() => {
	const out = [];
	for (const cell of document.querySelectorAll(".prose th, .prose td")) {
		const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/\S+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				const lines = new Set([...r.getClientRects()].map((q) => Math.round(q.top)));
				if (lines.size > 1) out.push(m[0]);
			}
		}
	}
	for (const table of document.querySelectorAll(".prose table")) {
		if (table.scrollWidth > table.clientWidth + 1 && getComputedStyle(table).overflowX !== "auto") out.push("a table wider than its box that does not scroll");
	}
	return out;
})()`

// checkTableWords opens the role pages with a table in their body on
// narrow phones: no word of a table cell is broken in half (a table too
// wide for the screen scrolls inside its box instead), and the page does
// not scroll sideways.
func checkTableWords(t *testing.T, b *browser, base string) {
	for _, w := range []int64{360, 412} {
		b.phone(t, w, 800, 1)
		for _, role := range []string{"customer-support-lead", "strain"} {
			b.open(t, pageType{role, base + "roles/" + role + "/", ""})
			if eval[int](t, b, `document.querySelectorAll(".prose table").length`) == 0 {
				t.Fatalf("%s has no table in its body", role)
			}
			if split := eval[[]string](t, b, splitWords); len(split) > 0 {
				t.Errorf("at %d px, %s: words split across lines in a table: %s", w, role, strings.Join(split, ", "))
			}
			if wide := eval[[]string](t, b, wideElements); len(wide) > 0 {
				t.Errorf("at %d px, %s scrolls sideways: %s", w, role, strings.Join(wide, "; "))
			}
		}
	}
	b.screenshot(t, "role-table-412")
}

// printURL is, for each link that matches the selector, what it prints
// after itself on paper and the absolute address it should print: the
// site's origin (from the canonical URL) and the link's own path.
const printURL = `((sel) => { const origin = new URL(document.querySelector("link[rel=canonical]").href).origin;
	return [...document.querySelectorAll(sel)].map((a) => [a.textContent.trim(), getComputedStyle(a, "::after").content, ' "(' + origin + a.getAttribute("href") + ')"']); })`

// unprinted lists the links that match the selector and still show on
// paper.
const unprinted = `((sel) => [...document.querySelectorAll(sel)].filter((a) => a.getClientRects().length > 0).map((a) => a.textContent.trim()))`

// checkPrintLinks prints the role page, its primer, the portal and the
// guide: links that lead somewhere a reader needs print their absolute
// address (the role's primer, links in the role's text to other pages of
// the site, the roles on the portal); links that only navigate are left
// off the paper.
func checkPrintLinks(t *testing.T, b *browser, plain string) {
	b.do(t, "desktop viewport", chromedp.EmulateViewport(1024, 768))
	defer b.media(t, "", "")
	for _, c := range []struct {
		url       string
		addressed []string // selectors of links that print their address; each must match
		hidden    string   // selector of navigation links kept off the paper
	}{
		{plain + spmm, []string{`a[href$="/questions/"]`, `.prose a[href^="/"]`}, `footer a[href="` + plainPath(plain) + `"]`},
		{plain + spmm + "questions/", nil, `.more a, .crumb a`},
		{plain, []string{`.card h3 a`}, `footer a[href="` + plainPath(plain) + `"]`},
		{plain + "company/how-we-interview/", []string{`.prose a[href^="/"]`}, `.more a`},
		{plain + guide, nil, `.crumb a, .meta a, .covers a[href*="/guides/"]`},
	} {
		b.media(t, "", "")
		b.do(t, "open "+c.url, chromedp.Navigate(c.url))
		b.media(t, "print", "")
		for _, sel := range c.addressed {
			got := eval[[][]string](t, b, printURL+"(`"+sel+"`)")
			if len(got) == 0 {
				t.Errorf("%s: no link matches %s", c.url, sel)
			}
			for _, l := range got {
				if l[1] != strings.Replace(l[2], ` "(`, `" (`, 1) {
					t.Errorf("%s: on paper %q prints %s after it; want %s", c.url, l[0], l[1], strings.Replace(l[2], ` "(`, `" (`, 1))
				}
			}
		}
		if eval[int](t, b, `document.querySelectorAll(`+"`"+c.hidden+"`"+`).length`) == 0 {
			t.Errorf("%s: no navigation link matches %s", c.url, c.hidden)
		}
		if shown := eval[[]string](t, b, unprinted+"(`"+c.hidden+"`)"); len(shown) > 0 {
			t.Errorf("%s: navigation links show on paper: %v", c.url, shown)
		}
	}
}

// plainPath is the base path of a served site's URL.
func plainPath(base string) string {
	u, _ := url.Parse(base)
	return u.Path
}

// checkPrintPages prints pages on A4 and Letter: the page layout for
// screens (a column at least as tall as the window) and the footer add no
// sheet of their own, so the last sheet is never blank or the footer
// alone. The pages printed with the footer left out and the body laid out
// as plain blocks give the number of sheets the content needs.
func checkPrintPages(t *testing.T, b *browser, plain string) {
	b.do(t, "desktop viewport", chromedp.EmulateViewport(1024, 768))
	for _, u := range []string{plain, plain + spmm, plain + spmm + "questions/", plain + "company/how-we-interview/"} {
		b.do(t, "open "+u, chromedp.Navigate(u))
		b.media(t, "print", "")
		if got := eval[string](t, b, `(() => { const s = getComputedStyle(document.body); return s.display + " " + s.minHeight; })()`); got != "block 0px" {
			t.Errorf("%s: on paper the body is laid out as %q; want block 0px", u, got)
		}
		b.media(t, "", "")
		for _, paper := range []struct {
			name string
			size chromedp.PaperSize
		}{{"a4", chromedp.PaperA4}, {"letter", chromedp.PaperLetter}} {
			name := "sheets-" + strings.Trim(strings.ReplaceAll(strings.TrimPrefix(u, plain), "/", "-"), "-") + "-" + paper.name
			full := len(pdfPage.FindAll(b.pdf(t, name, paper.size), -1))
			b.do(t, "leave out the footer", chromedp.Evaluate[chromedp.Void](`(() => {
				document.body.style.setProperty("display", "block", "important");
				document.body.style.setProperty("min-height", "0", "important");
				document.querySelector("footer.site").style.setProperty("display", "none", "important"); })()`))
			content := len(pdfPage.FindAll(b.pdf(t, name+"-content", paper.size), -1))
			b.do(t, "put the footer back", chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("style"); document.querySelector("footer.site").removeAttribute("style")`))
			if full != content {
				t.Errorf("%s on %s: %d sheets, but the content fills %d", u, paper.name, full, content)
			}
		}
	}
}

// borderContrast is the contrast ratio between the passphrase field's
// border and the page behind it (WCAG 1.4.11 asks 3:1 of a field's
// outline).
const borderContrast = `(() => {
	const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
	const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	const a = lum(getComputedStyle(document.getElementById("hb-pass")).borderTopColor), b = lum(getComputedStyle(document.body).backgroundColor);
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})()`

// checkLockedPage: the passphrase field's border stands out from the page
// in both color schemes, and a locked page printed says it is locked
// rather than printing an empty form.
func checkLockedPage(t *testing.T, b *browser, sealed string) {
	b.phone(t, 390, 844, 1)
	defer b.media(t, "", "")
	forgetKeys(t, b, sealed)
	for _, scheme := range []string{"light", "dark"} {
		b.media(t, "", scheme)
		b.open(t, pageType{"locked", sealed + guide, asking})
		if c := eval[float64](t, b, borderContrast); c < 3 {
			t.Errorf("%s scheme: the passphrase field's border has a contrast of %.2f:1 with the page; want 3:1 or more", scheme, c)
		}
	}
	b.media(t, "print", "")
	got := eval[[]string](t, b, `(() => { const shown = (e) => !!e && e.getClientRects().length > 0;
		const form = ["hb-unlock", "hb-pass", "hb-remember"].filter((id) => shown(document.getElementById(id)));
		const line = [...document.querySelectorAll("main p")].filter(shown).map((p) => p.textContent.trim());
		return form.concat(["|"], line); })()`)
	i := 0
	for got[i] != "|" {
		i++
	}
	if i > 0 {
		t.Errorf("on paper the locked page shows its form: %v", got[:i])
	}
	if lines := got[i+1:]; len(lines) != 1 || !strings.Contains(lines[0], "locked") || !strings.Contains(lines[0], "passphrase") {
		t.Errorf("on paper the locked page says %q; want one line that says it is locked and needs the passphrase", lines)
	}
}

// forgetKeys deletes the keys this browser remembers for the sealed site,
// so its team pages ask for the passphrase again.
func forgetKeys(t *testing.T, b *browser, sealed string) {
	t.Helper()
	b.do(t, "open the sealed site", chromedp.Navigate(sealed))
	if !eval[bool](t, b, `new Promise((resolve) => { const r = indexedDB.deleteDatabase("hirebook"); r.onsuccess = () => resolve(true); r.onerror = r.onblocked = () => resolve(false); })`) {
		t.Fatal("could not delete the remembered keys")
	}
}

// checkCoversTargets: on a phone, the links of the guide's time plan (to
// each objective, and to the interviewer's kit) are targets a finger can
// hit: 44 px tall, and none overlaps another.
func checkCoversTargets(t *testing.T, b *browser, plain string) {
	b.phone(t, 390, 844, 1)
	b.open(t, pageType{"guide", plain + guide, scored})
	got := eval[[]string](t, b, `(() => {
		const rs = [...document.querySelectorAll(".covers a")].map((a) => [a.textContent.trim(), a.getBoundingClientRect()]);
		const out = rs.length < 4 ? ["only " + rs.length + " links"] : [];
		for (const [name, r] of rs) if (r.height < 43.5 || r.width < 24) out.push(name + " " + Math.round(r.width) + "x" + Math.round(r.height));
		for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
			const a = rs[i][1], b = rs[j][1];
			if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(rs[i][0] + " overlaps " + rs[j][0]);
		}
		return out; })()`)
	if len(got) > 0 {
		t.Errorf("the time plan's links are small targets: %s", strings.Join(got, "; "))
	}
}

// keysKept counts the keys this browser remembers for the page's site.
const keysKept = `new Promise((resolve) => { const r = indexedDB.open("hirebook", 1);
	r.onupgradeneeded = () => r.result.createObjectStore("keys");
	r.onsuccess = () => { const db = r.result, c = db.transaction("keys").objectStore("keys").count(); c.onsuccess = () => { db.close(); resolve(c.result); }; }; })`

// checkForget: a page opened with a remembered key offers to forget it
// quietly, after the page's content rather than above its heading; the
// first press only asks, "Keep it" keeps the key, and "Forget the key"
// deletes it and locks the page again with the focus in the passphrase
// field.
func checkForget(t *testing.T, b *browser, sealed string) {
	b.phone(t, 390, 844, 1)
	forgetKeys(t, b, sealed)
	b.open(t, pageType{"locked", sealed + guide, asking})
	b.do(t, "unlock, remembered",
		chromedp.SendKeys(chromedp.CSS("#hb-pass"), passphrase),
		chromedp.Click(chromedp.CSS("#hb-remember")),
		chromedp.Click(chromedp.CSS("#hb-unlock button")))
	b.waitFor(t, "the decrypted guide", `!!document.getElementById("hb-forget")`)
	where := eval[[]string](t, b, `(() => { const f = document.getElementById("hb-forget"), main = document.querySelector("main");
		return [String(!!(main.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) && !main.contains(f)), getComputedStyle(f).backgroundColor]; })()`)
	if where[0] != "true" {
		t.Error("the forget control comes before the end of the page's content")
	}
	if where[1] != "rgba(0, 0, 0, 0)" {
		t.Errorf("the forget control is filled (%s) like a primary button; want a quiet one", where[1])
	}
	if small := eval[[]string](t, b, smallTargets); len(small) > 0 {
		t.Errorf("touch targets under 44 px: %s", strings.Join(small, "; "))
	}
	b.do(t, "press forget", chromedp.Click(chromedp.CSS("#hb-forget")))
	if n := eval[int](t, b, keysKept); n != 1 {
		t.Fatalf("the first press of forget left %d keys; want the key kept until confirmed", n)
	}
	if got := eval[string](t, b, `document.activeElement.id`); got != "hb-confirm-text" {
		t.Errorf("after the first press the focus is on %q; want the question", got)
	}
	b.screenshot(t, "guide-forget-confirm")
	b.do(t, "keep it", chromedp.Click(chromedp.CSS("#hb-forget-no")))
	if got := eval[string](t, b, `document.activeElement.id`); got != "hb-forget" || eval[int](t, b, keysKept) != 1 {
		t.Errorf("after keep it the focus is on %q; want the forget control, and the key kept", got)
	}
	b.do(t, "forget, confirmed", chromedp.Click(chromedp.CSS("#hb-forget")), chromedp.Click(chromedp.CSS("#hb-forget-yes")))
	b.waitFor(t, "the locked page again", asking)
	if got := eval[string](t, b, `document.activeElement.id`); got != "hb-pass" {
		t.Errorf("after forgetting the focus is on %q; want the passphrase field", got)
	}
	if n := eval[int](t, b, keysKept); n != 0 {
		t.Errorf("after forgetting, %d keys are kept", n)
	}
	b.waitFor(t, "the forgotten message", `document.getElementById("hb-status").textContent.includes("Forgotten")`)
	if eval[bool](t, b, `document.documentElement.outerHTML.includes("INTERNAL-ONLY")`) {
		t.Error("the locked page still holds the guide")
	}
	if v := eval[string](t, b, `document.getElementById("hb-pass").value`); v != "" {
		t.Error("the locked page kept the passphrase typed before")
	}
	b.screenshot(t, "guide-forgotten")
	b.do(t, "unlock again, not remembered", chromedp.SendKeys(chromedp.CSS("#hb-pass"), passphrase+"\r"))
	b.waitFor(t, "the guide again", scored)
	if eval[bool](t, b, `!!document.getElementById("hb-forget")`) || eval[int](t, b, keysKept) != 0 {
		t.Error("a page opened without remembering shows the forget control, or a key was kept")
	}
	b.do(t, "reload", chromedp.Reload())
	b.waitFor(t, "the locked page after a reload", asking)
}
