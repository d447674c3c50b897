package pages

import (
	"fmt"
	"strings"
)

// This file holds the hiring method's own words: the prompts, questions
// and probes the primer and the guides are built from.

// reflectionPrompts are what a candidate thinks through for each growth
// arena before talking to the company.
func reflectionPrompts(arena string) []string {
	a := strings.ToLower(arena)
	return []string{
		fmt.Sprintf("What am I already good at in %s? Think of one recent example you are proud of.", a),
		fmt.Sprintf("What do I want to learn next in %s, and what would be different if I learned it?", a),
		fmt.Sprintf("What is the biggest obstacle to my %s right now, and what kind of help would remove it?", a),
	}
}

// arenaQuestions test whether the company's promise in an arena is real:
// the people, the resources and the opportunities behind it.
func arenaQuestions(arena string) []string {
	a := strings.ToLower(arena)
	return []string{
		fmt.Sprintf("People: who would help me with %s, and how much of their time is set aside for it?", a),
		fmt.Sprintf("Resources: what budget, time or tools go to %s, and who on the team used them in the last year?", a),
		fmt.Sprintf("Opportunities: what is a real stretch assignment in %s that someone here took on recently, and how did it go?", a),
	}
}

// kpoQuestions are what a candidate can ask about one objective.
func kpoQuestions(title string) []string {
	return []string{
		fmt.Sprintf("How will you judge whether \u201c%s\u201d went well, and at what point will you look?", title),
		"Who will I work with most closely on this, and what will they need from me?",
		"What got in the way the last time someone worked on something like this, and what has changed since?",
	}
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
