package guard

import (
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
func Guesses(passphrase string, words []string) float64 {
	p := []rune(NormalizePassphrase(passphrase))
	if len(p) > maxRunes {
		p = p[:maxRunes]
	}
	return zxcvbn.PasswordStrength(string(p), words).Guesses
}

const maxRunes = 100

// Strong says whether the passphrase reaches MinGuesses.
func Strong(passphrase string, words []string) bool {
	return Guesses(passphrase, words) >= MinGuesses
}
