package pages

import (
	"fmt"
	"strings"
)

// This file holds the hiring method's own words: the prompts, questions
// and probes the primer and the guides are built from.

// arenaWords are, for each growth arena, what a candidate thinks through
// before talking to the company (what they are good at, what they want to
// learn, what is in the way) and what to ask the company about the people,
// resources and opportunities behind its offer. Each arena has its own
// words, so the primer does not repeat one sentence with four endings.
var arenaWords = map[string]struct{ Prompts, Questions []string }{
	"technical": {
		Prompts: []string{
			"Which part of your craft are you proudest of right now? Think of one recent piece of work that shows it.",
			"Which skill do you want to learn next, and what could you do once you have it?",
			"What keeps you from learning it now: time, someone to learn from, or work to practise on?",
		},
		Questions: []string{
			"People: who would I learn from here, and how much of their time is set aside for it?",
			"Resources: what training time, budget or tools does the team have, and who used them in the last year?",
			"Opportunities: what piece of work stretched someone's skills here recently, and how did it go?",
		},
	},
	"teamwork": {
		Prompts: []string{
			"Who do you work well with, and why? Think of a recent time a colleague counted on you.",
			"Which working relationships do you want to get better at: across teams, across time zones, or with people who see things differently?",
			"What gets in the way of good working relationships for you today?",
		},
		Questions: []string{
			"People: who would I depend on most, and how do people here get to know colleagues on other teams?",
			"Resources: what time or places are set aside for working together, rather than reporting to each other?",
			"Opportunities: when did someone here last work across teams on something new, and what came of it?",
		},
	},
	"leadership": {
		Prompts: []string{
			"Where have you led already, with or without the title? Think of one time people followed your lead.",
			"Which part of leading do you want to learn next: running a project, coaching someone, or making a hard call?",
			"What has kept you from leading more so far?",
		},
		Questions: []string{
			"People: who coaches people here when they lead for the first time?",
			"Resources: what training or support is there for new leaders, and who had it in the last year?",
			"Opportunities: who here last led a project or mentored someone for the first time, and how did it go?",
		},
	},
	"personal": {
		Prompts: []string{
			"Which habit or strength outside any job description serves you best at work?",
			"What do you want from the next few years of your working life, beyond this role?",
			"What stands in the way: time, confidence, the hours or place you work, or something else?",
		},
		Questions: []string{
			"People: who can I talk to about my career, apart from the person who rates my work?",
			"Resources: what time, flexibility or budget supports growth beyond the job itself, and who used it recently?",
			"Opportunities: what did someone here do for their own growth recently, with the company's backing?",
		},
	},
}

// promiseQuestion is what a candidate can ask, out loud, to test one
// person, resource or opportunity the role page promises: how it works
// in practice, and who has had it.
func promiseQuestion(kind, item string) string {
	item = strings.TrimRight(strings.TrimSpace(item), ".")
	switch kind {
	case "people":
		return "You list \u201c" + item + "\u201d. How often does someone new really get time with them, and what did the last person use that time for?"
	case "resources":
		return "You list \u201c" + item + "\u201d. Who on the team used it in the last year, and what did it take to get it?"
	default:
		return "You list \u201c" + item + "\u201d. Who had this chance most recently, and what came of it?"
	}
}

// everyKPO are questions that fit any objective: the primer asks them
// once, above the objectives.
var everyKPO = []string{
	"Who would I work with most closely on this, and what will they need from me?",
	"What got in the way the last time someone worked on something like this, and what has changed since?",
}

// kpoQuestions are what a candidate can ask about one objective, from
// what the role page says of it. They do not repeat its title, which is
// their heading.
func kpoQuestions(k KPOView) []string {
	var out []string
	if k.Outcome != "" {
		out = append(out, fmt.Sprintf("You describe success as \u201c%s\u201d. How will you measure that, and when will you look?", strings.TrimRight(k.Outcome, ".")))
	} else {
		// Worded for this objective: two without an outcome do not ask
		// the same line.
		out = append(out, fmt.Sprintf("The role page gives no measure of success for %s. How will you judge whether it went well, and when will you look?", nthObjective(k.Number)))
	}
	if k.Timeframe != "" {
		out = append(out, fmt.Sprintf("The time frame is \u201c%s\u201d. What needs to be in place for that to work, and what happens if it slips?", strings.TrimRight(k.Timeframe, ".")))
	}
	return out
}

// ordinals name the first objectives of a role in words.
var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}

// nthObjective names an objective by its place on the page: "the second
// objective", "objective 13"; "this objective" when it has no number.
func nthObjective(n int) string {
	switch {
	case n < 1:
		return "this objective"
	case n <= len(ordinals):
		return "the " + ordinals[n-1] + " objective"
	}
	return fmt.Sprintf("objective %d", n)
}

// alignmentQuestions go beyond tasks and response times, for remote and
// hybrid roles.
var alignmentQuestions = []string{
	"Beyond the day-to-day tasks, which company goals does this role serve, and how would I hear when they change?",
	"Which teams does this role depend on, in which time zones, and how are hand-offs between them agreed?",
	"How do people here build working relationships with colleagues they rarely meet in person?",
	"When does the team get together, in person or on a call, for something other than status updates?",
}

// openingQuestion asks for the most comparable accomplishment.
func openingQuestion(kpo string) string {
	return fmt.Sprintf("This role needs someone to %s. What have you accomplished that is most comparable? Tell me about it.", lowerFirst(kpo))
}

// factFinding are the standard follow-ups, about fifteen minutes in all.
var factFinding = []struct{ Topic, Question string }{
	{"Scope and scale", "How big was it: budget, people, customers, time? What made it hard?"},
	{"Their own role", "What did you do yourself, and what did others do? Which decisions were yours?"},
	{"The team", "Who was on the team? Who did you have to bring along, inside and outside it?"},
	{"Competing needs", "Which needs pulled against each other, and how did you decide between them?"},
	{"The actual result", "What came out of it, measured how? What would you do differently?"},
	{"The trend over time", "How did your results develop over the months or years? Is this your best work, or typical of it?"},
}

// traitNames label the remote-work traits.
var traitNames = map[string]string{
	"reliable":      "Reliable, accountable and committed",
	"independent":   "Independent",
	"collaborative": "Collaborative",
}

// traitProbes ask about a trait through the accomplishment just discussed,
// never in the abstract.
var traitProbes = map[string][]string{
	"reliable": {
		"While you worked on this, how did you plan your days, and how did you keep the team informed of where things stood?",
		"How often did a deadline on this slip? What did you do when it did, and how did you recover?",
		"What recognition did you get for being dependable on this work?",
		"If I asked your manager at the time to rank you on reliability against the rest of the team, where would they put you, and why?",
	},
	"independent": {
		"Which decisions on this did you make without waiting for anyone? How did you know it was yours to make?",
		"When you got stuck, how long did you keep at it before asking for help, and who did you ask?",
		"What did you do to keep the work moving when the people you needed were asleep or unavailable?",
	},
	"collaborative": {
		"How did you make sure everyone on this knew their role? Give me three or four examples.",
		"Tell me about a point where agreement was hard to reach. What did you do, and how did it end?",
		"Who did you depend on outside your own team, and how did you build that relationship?",
	},
}

// kpoScale anchors the rating of a KPO.
var kpoScale = []ScaleStep{
	{1, "Not shown", "Nothing comparable, or the person's own part was small."},
	{2, "Partly", "Something comparable at a smaller scale, or with a large share done by others."},
	{3, "Comparable", "Comparable in scope and scale, with a clear personal role and a real result."},
	{4, "Beyond", "Beyond the role's scope, repeated over time, with results that improved."},
}

// traitScale anchors the rating of a remote-work trait.
var traitScale = []ScaleStep{
	{1, "Not shown", "No specific example, or the example shows the opposite."},
	{2, "Some", "Some evidence, but general or only when things went smoothly."},
	{3, "Clear", "Clear, specific examples tied to the work, including a setback handled well."},
	{4, "Consistent", "Consistent, specific evidence others recognised, and helped others do the same."},
}

// Recommendations are the overall choices: there is no neutral middle.
var Recommendations = []string{"Strong no", "No", "Yes", "Strong yes"}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'a' && r[1] <= 'z' {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}
