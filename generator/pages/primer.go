package pages

import (
	"github.com/hirebook/hirebook/generator/content"
)

// PrimerArena is one growth arena in the reverse-interview primer.
type PrimerArena struct {
	ID, Name, Offer string   // the ArenaView's, copied: layouts find them faster than through an embedded struct
	Prompts         []string // reflection prompts for the candidate
	Questions       []string // what to ask the company
}

// PrimerKPO is one KPO with the questions a candidate can ask about it.
type PrimerKPO struct {
	KPO       KPOView
	Questions []string
}

// PrimerPage is the reverse-interview primer (candidates). Like RolePage it
// holds only candidate-safe data.
type PrimerPage struct {
	Common
	Role      *RoleView
	Arenas    []PrimerArena
	KPOs      []PrimerKPO
	EveryKPO  []string // questions that fit any objective, asked once
	Alignment []string // remote and hybrid roles only
	Promises  []string // the people, resources and opportunities listed
}

func (p *planner) primer(r *content.Role, v *RoleView) Page {
	url := v.QuestionsURL
	c := p.common("Questions to ask: "+r.Title, "Questions to ask us about the "+r.Title+" role, and how to request a reverse interview.", url, r.Language)
	c.NoIndex = v.Draft
	pp := &PrimerPage{Common: c, Role: v}
	for _, a := range v.Arenas {
		w := arenaWords[a.ID]
		pp.Arenas = append(pp.Arenas, PrimerArena{ID: a.ID, Name: a.Name, Offer: a.Offer, Prompts: w.Prompts, Questions: w.Questions})
	}
	for _, k := range v.KPOs {
		pp.KPOs = append(pp.KPOs, PrimerKPO{KPO: k, Questions: kpoQuestions(k)})
	}
	pp.EveryKPO = everyKPO
	if r.IsRemoteish() {
		pp.Alignment = alignmentQuestions
	}
	for _, kind := range []struct {
		name  string
		items []string
	}{{"people", v.People}, {"resources", v.Resources}, {"opportunities", v.Opportunities}} {
		for _, item := range kind.items {
			pp.Promises = append(pp.Promises, promiseQuestion(kind.name, item))
		}
	}
	return Page{Path: "roles/" + r.Slug + "/questions/index.html", Layout: "questions", Data: pp}
}
