package guard

import (
	"strings"
	"unicode"

	"github.com/trustelem/zxcvbn"
)

// MinGuesses is the weakest passphrase a build accepts, in guesses as
// zxcvbn estimates them: 7776^4, about 3.7 * 10^15, the number of
// passphrases of four words drawn at random from a 7,776-word diceware
// list. At the measured cost of one guess (see the README) that is
// centuries of work for one graphics card.
const MinGuesses = 7776.0 * 7776 * 7776 * 7776

// Guesses estimates how many guesses an attacker who knows common
// passwords, words, names, dates and keyboard patterns needs to find the
// passphrase (zxcvbn 4.4.2, through github.com/trustelem/zxcvbn). words are
// guessable words from the site itself (its title, the company's name):
// a passphrase built from them counts as weaker.
//
// Only the first maxRunes characters are estimated, since the estimator's
// time grows steeply with length; a longer passphrase is at least as
// strong as its start.
//
// The site's words add next to nothing to a passphrase, wherever they
// stand: the estimate is the lesser of the passphrase's and that of what
// is left once they are taken out. (zxcvbn alone scores "Careers at
// Northwind Ledger" as strong on a site of that title, counting the spaces
// between its known words as hard to guess.)
func Guesses(passphrase string, words []string) float64 {
	p := NormalizePassphrase(passphrase)
	return min(estimate(p, words), estimate(withoutWords(p, words), words))
}

func estimate(p string, words []string) float64 {
	r := []rune(p)
	if len(r) > maxRunes {
		r = r[:maxRunes]
	}
	return zxcvbn.PasswordStrength(string(r), words).Guesses
}

// withoutWords is p less every word of it (letters and digits between
// other characters, compared without case) found in words, the rest
// joined by spaces.
func withoutWords(p string, words []string) string {
	known := make(map[string]bool, len(words))
	for _, w := range words {
		known[strings.ToLower(w)] = true
	}
	var kept []string
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !known[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

const maxRunes = 100

// Strong says whether the passphrase reaches MinGuesses.
func Strong(passphrase string, words []string) bool {
	return Guesses(passphrase, words) >= MinGuesses
}
