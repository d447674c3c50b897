package content

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify makes a URL segment of lower-case Unicode letters and digits
// joined by hyphens, so names in any script keep their letters: the marks
// that belong to a letter (Devanagari and Thai vowel signs, an accent typed
// as a separate character) stay with it, and a name typed either way gives
// one slug (the text is NFC-normalised first).
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(norm.NFC.String(s)) {
		if keptMark(r) && b.Len() > 0 && !hyphen {
			b.WriteRune(r)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			continue
		}
		hyphen = true
	}
	return b.String()
}

// keptMark reports whether r is a mark that belongs to the letter before
// it (a vowel sign, an accent): not a variation selector or an enclosing
// mark such as a keycap, which only change how a character is drawn.
func keptMark(r rune) bool {
	if r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc)
}

// SlugInterviewers gives each interviewer a slug unique within the role:
// an empty one becomes interviewer-N, and collisions get -2, -3. Each name
// remembers the next number to try, so many equal names (a list repeated
// by YAML aliases) take linear time, not quadratic.
func SlugInterviewers(ivs []Interviewer) {
	used := map[string]bool{}
	next := map[string]int{}
	for i := range ivs {
		base := Slugify(ivs[i].Name)
		if base == "" {
			base = fmt.Sprintf("interviewer-%d", i+1)
		}
		s := base
		for n := max(next[base], 2); used[s]; n++ {
			s = fmt.Sprintf("%s-%d", base, n)
			next[base] = n + 1
		}
		used[s] = true
		ivs[i].Slug = s
	}
}

func reflectValue(ptr any) reflect.Value { return reflect.ValueOf(ptr).Elem() }

// TeamSlug is the folder of a team's page, teams/<slug>/: "team" for a
// name with no letters or digits.
func TeamSlug(team string) string {
	if s := Slugify(team); s != "" {
		return s
	}
	return "team"
}
