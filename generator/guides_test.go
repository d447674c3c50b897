package generator_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"golang.org/x/net/html"
)

// plainGuides builds the example site with guides in plain text, so the
// guide pages can be read.
func plainGuides(t *testing.T) (*site, *content.Site) {
	t.Helper()
	fsys := exampleFS(t, func(siteYAML string) string {
		return protectSetting.ReplaceAllString(siteYAML, "  protect: none")
	})
	opts := generator.Options{ContentFS: fsys, Clock: clock}
	return build(t, opts), loadModel(t, opts)
}

// section returns the element whose heading has the id, or nil.
func section(p *page, id string) *html.Node {
	for _, h := range p.all(func(n *html.Node) bool { return n.Type == html.ElementNode && attrOf(n, "id") == id }) {
		for n := h.Parent; n != nil; n = n.Parent {
			if n.Data == "section" {
				return n
			}
		}
	}
	return nil
}

func within(n *html.Node, name string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.Data == name {
			out = append(out, c)
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return out
}

func texts(ns []*html.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strings.Join(strings.Fields(textOf(n)), " ")
	}
	return out
}

func containsText(list []string, want string) bool {
	want = strings.Join(strings.Fields(want), " ")
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

var followUpTopics = []string{"Scope and scale", "Their own role", "The team", "Competing needs", "The actual result", "The trend over time"}

var traitNames = map[string]string{"reliable": "Reliable, accountable and committed", "independent": "Independent", "collaborative": "Collaborative"}

// Every KPO appears in its role's guide with the opening question, the
// standard follow-ups and its own probes; every trait is probed under some
// KPO; the scorecard rates every KPO and trait with no neutral overall choice.
func TestGuideCoversEveryKPOAndTrait(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		g := s.page(t, "guides/"+r.Slug+"/index.html")
		probed := map[string]bool{}
		for _, k := range r.KPOs {
			sec := section(g, "k-"+k.ID)
			if sec == nil {
				t.Errorf("%s: no section for KPO %s", r.Slug, k.ID)
				continue
			}
			all := strings.Join(strings.Fields(textOf(sec)), " ")
			if !strings.Contains(strings.ToLower(all), strings.ToLower(strings.Join(strings.Fields(k.Title), " ")[1:])) || !strings.Contains(all, "most comparable") {
				t.Errorf("%s/%s: no opening question about the most comparable accomplishment", r.Slug, k.ID)
			}
			for _, topic := range followUpTopics {
				if !containsText(texts(within(sec, "dt")), topic) {
					t.Errorf("%s/%s: follow-up %q missing", r.Slug, k.ID, topic)
				}
			}
			items := texts(within(sec, "li"))
			for _, p := range k.Probes {
				if !containsText(items, p) {
					t.Errorf("%s/%s: probe %q missing", r.Slug, k.ID, p)
				}
			}
			for _, h := range texts(within(sec, "h3")) {
				for id, name := range traitNames {
					if strings.Contains(h, "trait: "+name) {
						probed[id] = true
					}
				}
			}
		}
		want := append([]string{}, r.Traits...)
		for _, k := range r.KPOs {
			want = append(want, k.Traits...)
		}
		for _, tr := range want {
			if !probed[tr] {
				t.Errorf("%s: trait %s is probed under no KPO", r.Slug, tr)
			}
		}
		score := section(g, "scorecard")
		if score == nil {
			t.Fatalf("%s: no scorecard", r.Slug)
		}
		legends := texts(within(score, "legend"))
		for _, k := range r.KPOs {
			if !containsText(legends, k.Title) {
				t.Errorf("%s: scorecard does not rate %q", r.Slug, k.Title)
			}
		}
		for _, tr := range want {
			if !containsText(legends, traitNames[tr]) {
				t.Errorf("%s: scorecard does not rate trait %s", r.Slug, tr)
			}
		}
		var overall []string
		for _, in := range within(score, "input") {
			if attrOf(in, "name") == "recommendation" {
				overall = append(overall, attrOf(in, "value"))
			}
		}
		if strings.Join(overall, "|") != "Strong no|No|Yes|Strong yes" {
			t.Errorf("%s: overall recommendation offers %v", r.Slug, overall)
		}
	}
}

// Each kit holds exactly the KPOs its interviewer covers.
func TestKitsHoldTheirInterviewersKPOs(t *testing.T) {
	s, m := plainGuides(t)
	kits := 0
	for _, r := range published(m) {
		for _, iv := range r.Interviewers {
			if len(iv.Covers) == 0 {
				continue
			}
			kits++
			p := s.page(t, "guides/"+r.Slug+"/"+iv.Slug+"/index.html")
			covers := map[string]bool{}
			for _, c := range iv.Covers {
				covers[c] = true
			}
			for _, k := range r.KPOs {
				if got := section(p, "k-"+k.ID) != nil; got != covers[k.ID] {
					t.Errorf("kit %s/%s: KPO %s shown = %v, want %v", r.Slug, iv.Slug, k.ID, got, covers[k.ID])
				}
			}
		}
	}
	if kits < 5 {
		t.Fatalf("only %d kits in the example", kits)
	}
}

// The primer has the three prompts for each growth arena and questions
// for each KPO.
func TestPrimerHasPromptsAndQuestions(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		p := s.page(t, questionsFile(r.Slug))
		for _, a := range r.Development.Arenas() {
			sec := section(p, "arena-"+a.ID)
			if sec == nil {
				t.Errorf("%s: no section for arena %s", r.Slug, a.ID)
				continue
			}
			var prompts int
			for _, ul := range within(sec, "ul") {
				if strings.Contains(attrOf(ul, "class"), "prompts") {
					prompts += len(within(ul, "li"))
				}
			}
			if prompts != 3 {
				t.Errorf("%s/%s: %d reflection prompts, want 3", r.Slug, a.ID, prompts)
			}
		}
		if len(r.Development.Arenas()) > 4 {
			t.Errorf("%s: more than four arenas", r.Slug)
		}
		for _, k := range r.KPOs {
			sec := section(p, "q-"+k.ID)
			if sec == nil || len(within(sec, "li")) == 0 {
				t.Errorf("%s: no questions for KPO %s", r.Slug, k.ID)
			}
		}
		if len(jobPostings(t, p)) != 0 {
			t.Errorf("%s: the primer carries a JobPosting", r.Slug)
		}
	}
}

// The contents of a guide are not numbered: the time plan comes first, so
// numbers would contradict the objectives' own ("Objective 1" as item 2).
func TestGuideContentsNotNumbered(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		p := s.page(t, "guides/"+r.Slug+"/index.html")
		tocs := p.find("nav", "class", "toc")
		if len(tocs) != 1 {
			t.Fatalf("%s: %d contents, want 1", p.path, len(tocs))
		}
		if ols := within(tocs[0], "ol"); len(ols) > 0 {
			t.Errorf("%s: the contents are a numbered list: %v", p.path, texts(within(ols[0], "li")))
		}
		if len(within(tocs[0], "li")) < len(r.KPOs)+2 {
			t.Errorf("%s: the contents list %d items", p.path, len(within(tocs[0], "li")))
		}
	}
}

// accessibleName is an element's name as a screen reader reads it, for
// the cases the guides use: aria-label, else the text of the label that
// wraps it.
func accessibleName(n *html.Node) string {
	if ids, ok := attr(n, "aria-labelledby"); ok {
		// As browsers do: the text of the elements named, in order.
		root := n
		for root.Parent != nil {
			root = root.Parent
		}
		var parts []string
		for _, id := range strings.Fields(ids) {
			p := &page{doc: root}
			els := p.all(func(e *html.Node) bool { return attrOf(e, "id") == id })
			if len(els) != 1 {
				return fmt.Sprintf("(%d elements with id %q)", len(els), id)
			}
			parts = append(parts, textOf(els[0]))
		}
		return strings.Join(parts, " ")
	}
	if v, ok := attr(n, "aria-label"); ok {
		return strings.Join(strings.Fields(v), " ")
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "label" {
			return textOf(p)
		}
	}
	return ""
}

// Each rating choice is named with its number and what it means on the
// scale of its kind ("2, Partly"), not the number alone.
func TestRatingsNamedByScale(t *testing.T) {
	s, m := plainGuides(t)
	checked := 0
	var files []string
	for _, r := range published(m) {
		files = append(files, "guides/"+r.Slug+"/index.html")
		for _, iv := range r.Interviewers {
			if len(iv.Covers) > 0 {
				files = append(files, "guides/"+r.Slug+"/"+iv.Slug+"/index.html")
			}
		}
	}
	for _, file := range files {
		p := s.page(t, file)
		scale := map[string]map[string]string{} // kind -> value -> name
		for _, tbl := range p.find("table", "class", "scale") {
			kind := attrOf(tbl, "data-kind")
			scale[kind] = map[string]string{}
			for _, th := range within(tbl, "th") {
				if attrOf(th, "scope") == "row" {
					if v, name, ok := strings.Cut(textOf(th), " "); ok {
						scale[kind][v] = name
					}
				}
			}
		}
		for _, fs := range p.find("fieldset", "class", "score") {
			kind := attrOf(fs, "data-kind")
			for _, in := range within(fs, "input") {
				value := attrOf(in, "value")
				name, want := accessibleName(in), scale[kind][value]
				if want == "" || !strings.HasPrefix(name, value) || !strings.Contains(name, want) {
					t.Errorf("%s: rating %s of %q is named %q; want the number and %q", p.path, value, textOf(within(fs, "legend")[0]), name, want)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no rating choices found")
	}
}

// The full guide links to every interviewer's kit of its role.
func TestGuideLinksToKits(t *testing.T) {
	s, m := plainGuides(t)
	kits := 0
	for _, r := range published(m) {
		p := s.page(t, "guides/"+r.Slug+"/index.html")
		for _, iv := range r.Interviewers {
			if len(iv.Covers) == 0 {
				continue
			}
			kits++
			file := "guides/" + r.Slug + "/" + iv.Slug + "/index.html"
			found := false
			for _, a := range p.find("a") {
				found = found || (s.resolve(p.path, attrOf(a, "href")).file == file && strings.Contains(textOf(a), iv.Name))
			}
			if !found {
				t.Errorf("%s: no link to %s's kit %s", p.path, iv.Name, file)
			}
		}
	}
	if kits == 0 {
		t.Fatal("the example has no kits")
	}
}

// Internal notes are labelled in words ("Hiring manager"), not with their
// YAML keys (hiring_manager).
func TestInternalNoteLabels(t *testing.T) {
	s, m := plainGuides(t)
	seen := map[string]bool{}
	for _, r := range published(m) {
		sec := section(s.page(t, "guides/"+r.Slug+"/index.html"), "internal")
		if sec == nil {
			continue
		}
		for _, dt := range texts(within(sec, "dt")) {
			seen[dt] = true
			if strings.ContainsAny(dt, "_") || dt == "" || strings.ToUpper(dt[:1]) != dt[:1] {
				t.Errorf("%s: internal note labelled %q", r.Slug, dt)
			}
		}
	}
	for _, want := range []string{"Hiring manager", "Approved headcount", "Notes"} {
		if !seen[want] {
			t.Errorf("no internal note labelled %q; labels: %v", want, seen)
		}
	}
}

// A locked page is titled and headed as the page it seals ("Interviewer
// guide: <role>"), so tabs and history tell guides and kits apart; the
// role's title and interviewers' names are public on the role page.
func TestLockedPagesNameTheRole(t *testing.T) {
	s := build(t, exampleOpts(""))
	m := loadModel(t, exampleOpts(""))
	titles := map[string]string{}
	for _, r := range published(m) {
		paths := []string{"guides/" + r.Slug + "/index.html"}
		for _, iv := range r.Interviewers {
			if len(iv.Covers) > 0 {
				paths = append(paths, "guides/"+r.Slug+"/"+iv.Slug+"/index.html")
			}
		}
		for _, p := range paths {
			pg := s.page(t, p)
			if len(pg.find("script", "id", "hb-sealed")) != 1 {
				t.Fatalf("%s is not a locked page", p)
			}
			title, h1 := texts(pg.find("title")), texts(pg.find("h1"))
			if len(title) != 1 || len(h1) != 1 || !strings.Contains(title[0], r.Title) || !strings.Contains(h1[0], r.Title) {
				t.Errorf("%s: title %q, heading %q; want both to name the role %q", p, title, h1, r.Title)
				continue
			}
			if other, ok := titles[title[0]]; ok {
				t.Errorf("%s and %s share the title %q", other, p, title[0])
			}
			titles[title[0]] = p
		}
	}
	if len(titles) < 2 {
		t.Fatalf("only %d locked pages checked", len(titles))
	}
}

// minutesIn reads the "N min" a plan cell or loop item shows.
var minutesIn = regexp.MustCompile(`(\d+) min`)

func minutesOf(t *testing.T, n *html.Node) int {
	t.Helper()
	m := minutesIn.FindStringSubmatch(textOf(n))
	if m == nil {
		t.Fatalf("no minutes in %q", textOf(n))
	}
	v, _ := strconv.Atoi(m[1])
	return v
}

func childElements(n *html.Node, name string) []*html.Node {
	var out []*html.Node
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && k.Data == name {
			out = append(out, k)
		}
	}
	return out
}

// loopItem is one conversation of the loop a role page tells candidates
// about.
type loopItem struct {
	who     string
	minutes int
	kpos    []string
}

func roleLoop(t *testing.T, s *site, slug string) []loopItem {
	t.Helper()
	pg := s.page(t, roleFile(slug))
	loops := pg.find("ol", "class", "loop")
	if len(loops) != 1 {
		t.Fatalf("%s: %d interview loops", pg.path, len(loops))
	}
	var out []loopItem
	for _, li := range childElements(loops[0], "li") {
		who := within(li, "strong")
		mins := within(li, "span")
		if len(who) == 0 || len(mins) == 0 {
			t.Fatalf("%s: a loop item without who or minutes: %q", pg.path, textOf(li))
		}
		it := loopItem{who: textOf(who[0]), minutes: minutesOf(t, mins[0])}
		for _, ul := range within(li, "ul") {
			it.kpos = append(it.kpos, texts(within(ul, "li"))...)
		}
		if len(it.kpos) == 0 {
			for _, p := range within(li, "p") {
				if attrOf(p, "class") == "what" {
					it.kpos = append(it.kpos, textOf(p))
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// checkConversationPlan checks one conversation's plan table: an opening,
// a block for each of its objectives, the candidate's questions and a
// close, adding up to the minutes the role page gives the conversation.
func checkConversationPlan(t *testing.T, where string, table *html.Node, want loopItem) {
	t.Helper()
	rows := within(table, "tr")
	var whats []string
	total := 0
	for _, tr := range rows {
		cells := within(tr, "td")
		if len(cells) != 3 {
			continue // the header row
		}
		whats = append(whats, textOf(cells[1]))
		total += minutesOf(t, cells[2])
	}
	if total != want.minutes {
		t.Errorf("%s: the plan of %s's conversation adds up to %d minutes; the role page says %d", where, want.who, total, want.minutes)
	}
	if len(whats) != len(want.kpos)+3 || !strings.HasPrefix(whats[0], "Opening") || !strings.Contains(whats[len(whats)-2], "candidate's questions") || !strings.HasPrefix(whats[len(whats)-1], "Close") {
		t.Errorf("%s: the plan of %s's conversation is %q; want an opening, one block per objective (%d), the candidate's questions and a close", where, want.who, whats, len(want.kpos))
		return
	}
	for i, k := range want.kpos {
		if !strings.HasPrefix(whats[i+1], "Objective ") || !strings.HasSuffix(whats[i+1], k) {
			t.Errorf("%s: block %d of %s's conversation is %q; want objective %q", where, i+1, want.who, whats[i+1], k)
		}
	}
}

// The time plans follow the loop the role page tells candidates about:
// the full guide plans each conversation in the loop's order (who, its
// minutes, a link to the interviewer's kit, its own plan), adding up to
// the Interviews fact; each kit plans its own conversation.
func TestTimePlansMatchTheLoop(t *testing.T) {
	s, m := plainGuides(t)
	kits := 0
	for _, r := range published(m) {
		want := roleLoop(t, s, r.Slug)
		g := s.page(t, "guides/"+r.Slug+"/index.html")
		plan := section(g, "plan")
		if plan == nil {
			t.Fatalf("%s: no time plan", g.path)
		}
		var convs []*html.Node
		for _, ol := range within(plan, "ol") {
			convs = append(convs, childElements(ol, "li")...)
		}
		if len(convs) != len(want) {
			t.Errorf("%s: the time plan has %d conversations; the role page tells candidates about %d", g.path, len(convs), len(want))
			convs = nil
		}
		for i, li := range convs {
			head := within(li, "h3")
			if len(head) != 1 || !strings.HasPrefix(textOf(head[0]), want[i].who) || minutesOf(t, head[0]) != want[i].minutes {
				t.Errorf("%s: conversation %d is headed %q; want %s, %d min", g.path, i+1, texts(head), want[i].who, want[i].minutes)
			}
			// Each conversation links to the sections of its objectives,
			// in order; the minute-by-minute plan is in the kit.
			var covered []string
			for _, a := range within(li, "a") {
				href := attrOf(a, "href")
				if !strings.HasPrefix(href, "#k-") {
					continue
				}
				sec := g.all(func(n *html.Node) bool { return attrOf(n, "id") == href[1:] })
				if len(sec) != 1 {
					t.Errorf("%s: conversation %d links to %s, which is not one section", g.path, i+1, href)
					continue
				}
				covered = append(covered, textOf(within(sec[0], "h2")[0]))
			}
			same := len(covered) == len(want[i].kpos)
			for j := 0; same && j < len(covered); j++ {
				same = strings.HasSuffix(covered[j], want[i].kpos[j]) // headed "Objective N <title>"
			}
			if !same {
				t.Errorf("%s: conversation %d links to the objectives %q; the role page says %q", g.path, i+1, covered, want[i].kpos)
			}
		}
		if !strings.Contains(textOf(plan), "Every conversation runs the same way") {
			t.Errorf("%s: the time plan does not say how each conversation runs", g.path)
		}
		for _, iv := range r.Interviewers {
			if len(iv.Covers) == 0 {
				continue
			}
			kits++
			file := "guides/" + r.Slug + "/" + iv.Slug + "/index.html"
			var conv *loopItem
			for i := range want {
				if strings.HasPrefix(want[i].who, iv.Name) {
					conv = &want[i]
					if convs == nil {
						break
					}
					linked := false
					for _, a := range within(convs[i], "a") {
						linked = linked || s.resolve(g.path, attrOf(a, "href")).file == file
					}
					if !linked {
						t.Errorf("%s: %s's conversation does not link to the kit %s", g.path, iv.Name, file)
					}
				}
			}
			if conv == nil {
				t.Errorf("%s: the role page's loop has no conversation with %s", r.Slug, iv.Name)
				continue
			}
			kp := s.page(t, file)
			sec := section(kp, "plan")
			if sec == nil || len(within(sec, "table")) != 1 {
				t.Errorf("%s: no time plan of its own", file)
				continue
			}
			checkConversationPlan(t, file, within(sec, "table")[0], *conv)
		}
	}
	if kits == 0 {
		t.Fatal("the example has no kits")
	}
}

// The primer starts with a contents list, in a navigation landmark named
// by its heading, that links to every section of the page.
func TestPrimerContents(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		p := s.page(t, questionsFile(r.Slug))
		navs := p.find("nav", "class", "toc")
		if len(navs) != 1 {
			t.Errorf("%s: %d contents lists, want 1", p.path, len(navs))
			continue
		}
		nav := navs[0]
		label := attrOf(nav, "aria-labelledby")
		if hs := p.all(func(n *html.Node) bool { return attrOf(n, "id") == label }); label == "" || len(hs) != 1 || textOf(hs[0]) == "" || !hasAncestor(hs[0], func(n *html.Node) bool { return n == nav }) {
			t.Errorf("%s: the contents are not named by their own heading (aria-labelledby %q)", p.path, label)
		}
		linked := map[string]bool{}
		for _, a := range within(nav, "a") {
			linked[strings.TrimPrefix(attrOf(a, "href"), "#")] = true
		}
		if len(within(nav, "ul")) != 1 || len(within(nav, "li")) != len(linked) {
			t.Errorf("%s: the contents are not one list of links: %q", p.path, texts(within(nav, "li")))
		}
		sections := 0
		for _, h := range p.find("h2") {
			if hasAncestor(h, func(n *html.Node) bool { return n == nav }) {
				continue
			}
			sections++
			if !linked[attrOf(h, "id")] {
				t.Errorf("%s: the contents do not link to %q", p.path, textOf(h))
			}
			if !precedes(nav, h) {
				t.Errorf("%s: the contents come after %q", p.path, textOf(h))
			}
		}
		if sections != len(linked) || sections < 3 {
			t.Errorf("%s: the contents link to %d places for %d sections", p.path, len(linked), sections)
		}
	}
}

// precedes reports whether a comes before b in document order.
func precedes(a, b *html.Node) bool {
	root := a
	for root.Parent != nil {
		root = root.Parent
	}
	found := 0 // 1: a first, 2: b first
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ; n != nil && found == 0; n = n.NextSibling {
			switch n {
			case a:
				found = 1
			case b:
				found = 2
			default:
				walk(n.FirstChild)
			}
		}
	}
	walk(root)
	return found == 1
}

// The primer lists what each interviewer covers with every objective as
// its own list item, so a title ("Rebuild the positioning ...") stands as
// written instead of starting with a capital in mid-sentence.
func TestPrimerListsEachInterviewersObjectives(t *testing.T) {
	s, m := plainGuides(t)
	checked := 0
	for _, r := range published(m) {
		p := s.page(t, questionsFile(r.Slug))
		titles := map[string]string{}
		for _, k := range r.KPOs {
			titles[k.ID] = strings.Join(strings.Fields(k.Title), " ")
		}
		people := p.find("ul", "class", "people")
		for _, iv := range r.Interviewers {
			if len(iv.Covers) == 0 {
				continue
			}
			var item *html.Node
			for _, ul := range people {
				for _, li := range childElements(ul, "li") {
					if strings.HasPrefix(textOf(li), iv.Name) {
						item = li
					}
				}
			}
			if item == nil {
				t.Errorf("%s: %s is not listed", p.path, iv.Name)
				continue
			}
			items := texts(within(item, "li"))
			for _, c := range iv.Covers {
				checked++
				if !slices.Contains(items, titles[c]) {
					t.Errorf("%s: %s's objective %q is not a list item of its own; items: %q", p.path, iv.Name, titles[c], items)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no interviewer of the example covers an objective")
	}
}

// The feedback template in the guide lists the role's objectives as a
// real list, not as paragraphs that start with a bullet character.
func TestFeedbackTemplateListsTheObjectives(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		g := s.page(t, "guides/"+r.Slug+"/index.html")
		sec := section(g, "feedback")
		if sec == nil {
			t.Fatalf("%s: no feedback section", g.path)
		}
		var tmpl *html.Node
		for _, d := range within(sec, "div") {
			if attrOf(d, "class") == "template" {
				tmpl = d
			}
		}
		if tmpl == nil {
			t.Fatalf("%s: no feedback template", g.path)
		}
		for _, p := range texts(within(tmpl, "p")) {
			if strings.ContainsAny(p, "•·‣◦") {
				t.Errorf("%s: a template paragraph fakes a list item: %q", g.path, p)
			}
		}
		var want []string
		for _, k := range r.KPOs {
			want = append(want, strings.Join(strings.Fields(k.Title), " "))
		}
		lists := within(tmpl, "ul")
		if len(lists) != 1 || !slices.Equal(texts(within(lists[0], "li")), want) {
			t.Errorf("%s: the template's lists %v; want one list of the objectives %q", g.path, len(lists), want)
		}
	}
}
