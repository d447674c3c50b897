package pages

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hirebook/hirebook/generator/content"
)

// FactFinding is one standard follow-up question.
type FactFinding struct{ Topic, Question string }

// GuideTrait is a remote-work trait probed under a KPO.
type GuideTrait struct {
	ID, Name string
	Probes   []string
	Placed   bool // no KPO names it; placed under the best-fitting one
}

// GuideKPO is one KPO as the interviewer works through it.
type GuideKPO struct {
	KPO       KPOView
	Opening   string
	FollowUps []FactFinding
	Probes    []string // the KPO's own
	Traits    []GuideTrait
	Minutes   int
	Who       []string // interviewers who cover it
	Shared    *Memo    // the site's memo, for the fragments every guide shares
}

// ScoreRow is one line of the scorecard, rated 1 to 4 on the scale of its
// kind.
type ScoreRow struct {
	ID, Label, Kind string      // kind: kpo or trait
	Legend          string      // what the row rates, as shown
	Steps           []ScaleStep // the scale of its kind, so each choice can be named ("2, Partly")
}

// Scale is an anchored rating scale.
type Scale struct {
	Kind, Caption string
	Steps         []ScaleStep
}

// ScaleStep is one point of an anchored rating scale.
type ScaleStep struct {
	Value        int
	Name, Anchor string
}

// Note is one internal note, shown only to the hiring team: its key as
// written (hiring_manager), the key as a label (Hiring manager) and its
// value.
type Note struct{ Key, Label, Value string }

// Conversation is one conversation of the interview loop as the hiring
// team runs it: the loop's Step (who, what it covers, where it starts in
// the loop, its minutes), its place in the loop, the interviewer's kit and
// its own time plan.
type Conversation struct {
	// The loop's Step, its fields copied rather than embedded: a layout
	// finds a field of an embedded struct by a slow search, once per use.
	Title, Who     string
	Start, Minutes int
	KPOs           []KPOView
	Number         int    // 1, 2, ... in the loop's order
	Kit            Link   // the kit of the interviewer who holds it (.Title is their name); empty when no interviewer covers its KPOs
	Plan           []Step // opening, one step per KPO, the candidate's questions, close; Start counts from the conversation's start

	interviewer string // slug of the interviewer who holds it, if one does
}

// PlanShape is how every conversation is planned, in minutes: an opening,
// a block per objective, the candidate's questions and a close.
type PlanShape struct{ Opening, PerKPO, Questions, Closing int }

// shape is the plan every conversation follows.
var shape = PlanShape{OpeningMinutes, MinutesPerKPO, QuestionsMinutes, ClosingMinutes}

// Paragraph is one paragraph of a fill-in letter, with the list that
// follows it, if any.
type Paragraph struct {
	Text string
	List []string
}

// GuideView is the interviewer guide's data. It is team-only: it holds the
// role's internal notes and must never reach a candidate page.
type GuideView struct {
	Role            *RoleView
	Loop            []Conversation // the role page's loop, each conversation with its plan
	LoopMinutes     int            // the role page's LoopMinutes
	Shape           PlanShape      // how every conversation is planned
	KPOs            []GuideKPO
	Scorecard       []ScoreRow
	Recommendations []string
	KPOScale        Scale // what 1 to 4 mean for a KPO
	TraitScale      Scale // what 1 to 4 mean for a trait
	Internal        []Note
	FeedbackDraft   []Paragraph // a fill-in letter for a candidate who does not move forward
	URL             string
	Kits            []Link
	Memo            *Memo // blocks the guide and its kits share
}

// GuidePage is a whole guide or one interviewer's kit.
type GuidePage struct {
	Common
	Guide        *GuideView
	Kit          *InterviewerView // nil for the whole guide
	Conversation *Conversation    // the kit's conversation; nil for the whole guide
	KPOs         []GuideKPO       // what this page covers
	Score        []ScoreRow
	Traits       bool // the scorecard rates traits
}

// GuideIndexPage lists the guides and kits, one page of them.
type GuideIndexPage struct {
	Common
	Roles      []GuideEntry
	Page, Of   int
	Prev, Next string
}

// GuideEntry is one role on the guide index.
type GuideEntry struct {
	Title, URL, Team string
	Closed           bool
	Kits             []Link
}

// guidePages plans one role's team pages: its guide and one kit per
// interviewer who covers KPOs.
func (p *planner) guidePages(r *content.Role, v *RoleView) []Page {
	g := p.guideView(r, v)
	c := p.teamCommon("Interviewer guide: "+r.Title, g.URL, r.Language)
	out := []Page{{Path: "guides/" + r.Slug + "/index.html", Layout: "guide", Audience: Team,
		Data: &GuidePage{Common: c, Guide: g, KPOs: g.KPOs, Score: g.Scorecard, Traits: ratesTraits(g.Scorecard)}}}
	for i := range g.Loop {
		conv := &g.Loop[i]
		if conv.Kit.URL == "" {
			continue
		}
		kit := interviewer(v, conv.interviewer)
		kpos, score := kitParts(g, kit)
		kc := p.teamCommon("Interview kit: "+r.Title+" with "+kit.Name, conv.Kit.URL, r.Language)
		out = append(out, Page{Path: "guides/" + r.Slug + "/" + kit.Slug + "/index.html", Layout: "guide", Audience: Team,
			Data: &GuidePage{Common: kc, Guide: g, Kit: kit, Conversation: conv, KPOs: kpos, Score: score, Traits: ratesTraits(score)}})
	}
	return out
}

// interviewer is a copy of the role's interviewer with the slug.
func interviewer(v *RoleView, slug string) *InterviewerView {
	for _, iv := range v.Interviewers {
		if iv.Slug == slug {
			return &iv
		}
	}
	return nil
}

// kitLinks are the role's kits, one per interviewer who covers KPOs.
func (p *planner) kitLinks(v *RoleView) []Link {
	var out []Link
	for _, iv := range v.Interviewers {
		if len(iv.Covers) > 0 {
			out = append(out, Link{Title: iv.Name, URL: p.kitURL(v.Slug, iv.Slug)})
		}
	}
	return out
}

func (p *planner) guideURL(role string) string { return p.link.url("/guides/" + role + "/") }

func (p *planner) kitURL(role, interviewer string) string {
	return p.link.url("/guides/" + role + "/" + interviewer + "/")
}

// guideIndex lists every role's guide and kits, PerPage roles a page
// (guides/, guides/page/2/, ...).
func (p *planner) guideIndex(views []*RoleView) []Page {
	n := pageCount(len(views))
	var out []Page
	for i := 1; i <= n; i++ {
		url, path, title := p.site.GuidesURL, "guides/index.html", "Interviewer guides"
		if i > 1 {
			url = p.link.url(fmt.Sprintf("/guides/page/%d/", i))
			path = fmt.Sprintf("guides/page/%d/index.html", i)
			title = fmt.Sprintf("Interviewer guides (page %d of %d)", i, n)
		}
		idx := &GuideIndexPage{Common: p.teamCommon(title, url, ""), Page: i, Of: n}
		if i > 1 {
			idx.Prev = p.site.GuidesURL
			if i > 2 {
				idx.Prev = p.link.url(fmt.Sprintf("/guides/page/%d/", i-1))
			}
		}
		if i < n {
			idx.Next = p.link.url(fmt.Sprintf("/guides/page/%d/", i+1))
		}
		k := newKeyer()
		commonKey(k, &idx.Common)
		k.add(idx.Prev, idx.Next).addInt(n)
		for _, v := range views[(i-1)*PerPage : min(i*PerPage, len(views))] {
			idx.Roles = append(idx.Roles, GuideEntry{Title: v.Title, URL: v.team.guide, Team: v.Team.Title, Closed: v.Closed, Kits: v.team.kits})
			k.add(v.CardKey)
		}
		out = append(out, Page{Path: path, Layout: "guides", Audience: Team, Data: idx, Key: k.String()})
	}
	return out
}

func (p *planner) teamCommon(title, url, lang string) Common {
	c := p.common(title, "", url, lang)
	c.NoIndex = true
	return c
}

func (p *planner) guideView(r *content.Role, v *RoleView) *GuideView {
	g := &GuideView{Role: v, Shape: shape, Recommendations: Recommendations, URL: v.team.guide, Kits: v.team.kits, Memo: &Memo{},
		KPOScale:   Scale{"kpo", "How to rate an objective", kpoScale},
		TraitScale: Scale{"trait", "How to rate a remote-work trait", traitScale}}
	who := map[string][]string{}
	for _, iv := range v.Interviewers {
		for _, k := range iv.Covers {
			who[k.ID] = append(who[k.ID], iv.Name)
		}
	}
	placed := placeTraits(r)
	for i, k := range r.KPOs {
		gk := GuideKPO{KPO: v.KPOs[i], Opening: openingQuestion(k.Title), Probes: k.Probes, Minutes: MinutesPerKPO, Who: who[k.ID], Shared: p.site.Memo}
		for _, f := range factFinding {
			gk.FollowUps = append(gk.FollowUps, FactFinding{f.Topic, f.Question})
		}
		for _, t := range placed[i] {
			gk.Traits = append(gk.Traits, GuideTrait{ID: t.id, Name: traitNames[t.id], Probes: traitProbes[t.id], Placed: t.placed})
		}
		g.KPOs = append(g.KPOs, gk)
		g.Scorecard = append(g.Scorecard, ScoreRow{ID: "kpo-" + k.ID, Label: k.Title, Kind: "kpo", Legend: k.Title, Steps: kpoScale})
	}
	for _, t := range traitOrder(r) {
		g.Scorecard = append(g.Scorecard, ScoreRow{ID: "trait-" + t, Label: traitNames[t], Kind: "trait", Legend: "Trait: " + traitNames[t], Steps: traitScale})
	}
	for i, st := range v.Loop {
		c := Conversation{Title: st.Title, Who: st.Who, Start: st.Start, Minutes: st.Minutes, KPOs: st.KPOs, interviewer: st.interviewer, Number: i + 1, Plan: conversationPlan(st, v)}
		if iv := interviewer(v, st.interviewer); iv != nil {
			c.Kit = Link{Title: iv.Name, URL: p.kitURL(r.Slug, iv.Slug)}
		}
		g.Loop = append(g.Loop, c)
	}
	g.LoopMinutes = v.LoopMinutes
	g.Internal = notes(r.Internal)
	g.FeedbackDraft = feedbackDraft(r, v)
	return g
}

// conversationPlan is one conversation's time plan: an opening, a block
// per KPO it covers, the candidate's questions and a close, which offers
// the reverse interview when the role has one. Its minutes add up to the
// conversation's.
func conversationPlan(st Step, v *RoleView) []Step {
	plan := []Step{{Title: "Opening: welcome, introductions and how this conversation will go", Minutes: OpeningMinutes}}
	for _, k := range st.KPOs {
		plan = append(plan, Step{Title: k.Title, Minutes: MinutesPerKPO, KPOs: []KPOView{k}})
	}
	plan = append(plan, Step{Title: "The candidate's questions", Minutes: QuestionsMinutes})
	closing := "Close: explain the next steps"
	if v.ReverseOffered {
		closing = fmt.Sprintf("Close: explain the next steps, and offer the reverse interview (%d minutes, on the candidate's agenda)", v.ReverseMinutes)
	}
	plan = append(plan, Step{Title: closing, Minutes: ClosingMinutes})
	at := 0
	for i := range plan {
		plan[i].Start = at
		at += plan[i].Minutes
	}
	return plan
}

// kitParts picks one interviewer's KPOs, in interview order, and their
// scorecard rows.
func kitParts(g *GuideView, iv *InterviewerView) ([]GuideKPO, []ScoreRow) {
	mine := map[string]bool{}
	for _, k := range iv.Covers {
		mine[k.ID] = true
	}
	var kpos []GuideKPO
	traits := map[string]bool{}
	for _, k := range g.KPOs {
		if mine[k.KPO.ID] {
			kpos = append(kpos, k)
			for _, t := range k.Traits {
				traits[t.ID] = true
			}
		}
	}
	var rows []ScoreRow
	for _, s := range g.Scorecard {
		if (s.Kind == "kpo" && mine[strings.TrimPrefix(s.ID, "kpo-")]) || (s.Kind == "trait" && traits[strings.TrimPrefix(s.ID, "trait-")]) {
			rows = append(rows, s)
		}
	}
	return kpos, rows
}

type placedTrait struct {
	id     string
	placed bool
}

// traitOrder lists every trait to probe: the role's traits and any a KPO
// names, in the standard order.
func traitOrder(r *content.Role) []string {
	want := map[string]bool{}
	for _, t := range r.Traits {
		want[t] = true
	}
	for _, k := range r.KPOs {
		for _, t := range k.Traits {
			want[t] = true
		}
	}
	var out []string
	for _, t := range content.AllTraits {
		if want[t] {
			out = append(out, t)
		}
	}
	return out
}

// traitHints are words in a KPO title that suggest where a trait shows.
var traitHints = map[string][]string{
	"reliable":      {"deliver", "launch", "ship", "on time", "deadline", "run", "close", "schedule", "every", "weekly", "monthly", "maintain", "keep"},
	"independent":   {"own", "set up", "build", "create", "design", "start", "establish", "lead", "rebuild", "plan"},
	"collaborative": {"with", "together", "across", "team", "partner", "align", "sales", "customer", "stakeholder", "equip"},
}

// placeTraits decides under which KPO each trait is probed: under every KPO
// that names it, or, when none does, under the KPO whose title fits best.
func placeTraits(r *content.Role) [][]placedTrait {
	out := make([][]placedTrait, len(r.KPOs))
	if len(r.KPOs) == 0 {
		return out
	}
	for _, t := range traitOrder(r) {
		named := false
		for i, k := range r.KPOs {
			for _, kt := range k.Traits {
				if kt == t {
					out[i] = append(out[i], placedTrait{id: t})
					named = true
				}
			}
		}
		if named {
			continue
		}
		best, bestScore := 0, -1
		for i, k := range r.KPOs {
			score := 0
			title := strings.ToLower(k.Title + " " + k.Outcome)
			for _, h := range traitHints[t] {
				if strings.Contains(title, h) {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		out[best] = append(out[best], placedTrait{id: t, placed: true})
	}
	return out
}

// notes flattens the internal mapping: notes first, then the other keys.
func notes(m map[string]any) []Note {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == "notes") != (keys[j] == "notes") {
			return keys[i] == "notes"
		}
		return keys[i] < keys[j]
	})
	var out []Note
	for _, k := range keys {
		out = append(out, Note{Key: k, Label: noteLabel(k), Value: noteValue(m[k])})
	}
	return out
}

// noteLabel makes a key readable: underscores and hyphens become spaces
// and the first letter a capital, the rest kept as written
// (hiring_manager gives "Hiring manager", EOR_partner "EOR partner").
func noteLabel(key string) string {
	s := strings.Join(strings.FieldsFunc(key, func(r rune) bool { return r == '_' || r == '-' || unicode.IsSpace(r) }), " ")
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return key
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func noteValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any, []any:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Sprint(v)
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// feedbackDraft is a fill-in letter for a candidate who does not move
// forward, built from the role's KPOs.
func feedbackDraft(r *content.Role, v *RoleView) []Paragraph {
	var objectives []string
	for _, k := range v.KPOs {
		objectives = append(objectives, k.Title)
	}
	return []Paragraph{
		{Text: "Hello [first name],"},
		{Text: fmt.Sprintf("Thank you for the time you gave us for the %s role. We have decided not to move forward, and we want to tell you why, as we promised.", r.Title)},
		{Text: "For this role the person must:", List: objectives},
		{Text: "Where you were strong: [one objective above, and the specific accomplishment you told us about that showed it]."},
		{Text: "Where we needed more: [one objective above, what it takes (scope, scale, the person's own part), and what we heard in comparison]."},
		{Text: "[Optional: something specific that could make a difference for a role like this, if you are confident it would help.]"},
		{Text: "We would be glad to hear from you again [only if true: for which kind of role, or when]."},
		{Text: "[Your name and role]"},
	}
}

func ratesTraits(rows []ScoreRow) bool {
	for _, r := range rows {
		if r.Kind == "trait" {
			return true
		}
	}
	return false
}
