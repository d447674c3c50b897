// Package guard is the build stage between render and write that decides
// how team pages (interviewer guides, kits and the guide index) leave the
// build. With guides.protect: passphrase, the default, each team page is
// compressed and sealed with AES-256-GCM under a key derived from the
// hiring team's passphrase, and replaced by a small shell page (the
// theme's locked layout and assets/unlock.js) that asks for the passphrase
// and decrypts in the browser with the Web Crypto API. With none the pages
// stay plain and the build warns that they are public; with omit they were
// never planned.
//
// The cryptography is the standard library's, put together and nothing
// more: PBKDF2-HMAC-SHA256 (DefaultIterations) over the passphrase and a
// per-site salt (Salt), HKDF-SHA256 to split the result into an AES key and
// a nonce key, AES-256-GCM with the page's path as associated data, and a
// nonce derived from the nonce key, the path and the page (Key.Seal).
//
// guard keeps no state between builds: the passphrase comes in through
// Options, read from the environment by the command.
package guard

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
)

// PassphraseEnv is the environment variable the command reads the
// passphrase from. guard itself reads no environment.
const PassphraseEnv = "HIREBOOK_GUIDE_PASSPHRASE"

// Options configure the stage for one build.
type Options struct {
	Config     *content.Config // the site's settings: guides.protect, title, company
	BaseURL    string          // the site's absolute URL, from which the salt comes
	Passphrase string          // empty when none is set
	Iterations int             // PBKDF2 iterations; 0 means DefaultIterations
	// Preview leaves team pages plain, marked as a local preview, when
	// protect is passphrase but no passphrase is set (hirebook serve).
	Preview bool
}

// Guard is the stage, set up for one site.
type Guard struct {
	opts    Options
	protect string
	key     *pendingKey // derived in the background; nil when pages stay plain
	keyFor  string      // passphrase, salt and iterations the key is for
}

// pendingKey is a key being derived; wait blocks until it is ready.
type pendingKey struct {
	done chan struct{}
	key  *Key
	err  error
}

func (p *pendingKey) wait() (*Key, error) {
	<-p.done
	return p.key, p.err
}

// New checks the settings and, when pages will be sealed, starts deriving
// the key in the background so that it overlaps planning and rendering. A
// missing or weak passphrase is an error diagnostic (the build must stop
// before anything is written); protect: none is a warning. prev, the guard
// of the previous build of the same site or nil, lends its key when the
// passphrase, salt and iterations are the same: a rebuild derives no key.
func New(opts Options, prev *Guard) (*Guard, content.Diagnostics) {
	g := &Guard{opts: opts, protect: content.DefaultProtect}
	var ds content.Diagnostics
	where := protectPos(opts.Config)
	if c := opts.Config; c != nil {
		g.protect = c.Guides.Protect
	}
	switch g.protect {
	case content.ProtectNone:
		ds.Warn(where, "guides.protect", "guides-public", "interviewer guides, kits, internal notes and scorecards are published in plain text: anyone who finds a link can read them; use protect: passphrase unless the site is hosted privately")
		return g, ds
	case content.ProtectOmit:
		return g, nil
	}
	pass := NormalizePassphrase(opts.Passphrase)
	switch {
	case pass == "" && opts.Preview:
		return g, nil
	case pass == "":
		ds.Add(where, "guides.protect", "passphrase-missing", "interviewer guides are encrypted with a passphrase (protect: passphrase, the default) but %s is not set, so the build stopped and wrote nothing; set it to a passphrase of four or more random words (in GitHub Actions, from a repository secret), or set protect: omit to publish no guides", PassphraseEnv)
		return g, ds
	case !Strong(pass, guessable(opts.Config)):
		return g, WeakPassphrase(opts)
	}
	iter := opts.Iterations
	if iter == 0 {
		iter = DefaultIterations
	}
	salt := Salt(opts.BaseURL)
	g.keyFor = fmt.Sprintf("%d\x00%x\x00%s", iter, salt, pass)
	if prev != nil && prev.key != nil && prev.keyFor == g.keyFor {
		g.key = prev.key
		return g, nil
	}
	pk := &pendingKey{done: make(chan struct{})}
	g.key = pk
	go func() {
		defer close(pk.done)
		pk.key, pk.err = DeriveKey(pass, salt, iter)
	}()
	return g, nil
}

// guessable are words of the site itself, which count as easy to guess in
// a passphrase.
func guessable(c *content.Config) []string {
	if c == nil {
		return nil
	}
	words := []string{"hirebook", "careers", "interview", "guide", "guides"}
	for _, s := range []string{c.Title, c.Company.Name, c.BaseURL} {
		words = append(words, strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })...)
	}
	return words
}

func isWordRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 }

// Seal returns the files with every team page sealed into a shell page
// rendered with the theme's locked layout, or marked as a local preview.
// listing are planned pages among which is the guide index, whose site
// data the shells use (every team page has the same). A shell takes the
// title of the page it seals when that page is among them: it names the
// role, and for a kit the interviewer, as the role page does already, so
// tabs and history tell the pages apart.
func (g *Guard) Seal(theme *render.Theme, listing []pages.Page, files []render.File) ([]render.File, error) {
	if g.protect != content.ProtectPassphrase {
		return files, nil
	}
	if g.key == nil {
		return preview(files), nil
	}
	key, err := g.key.wait()
	if err != nil {
		return nil, err
	}
	var site *pages.SiteView
	titles := map[string]string{} // a team page's title, which names its role (public on the role page)
	for _, p := range listing {
		if c := commonOf(p.Data); c != nil && p.Audience == pages.Team {
			if site == nil {
				site = c.Site
			}
			titles[p.Path] = c.Title
		}
	}
	out := make([]render.File, len(files))
	for i, f := range files {
		out[i] = f
		if f.Audience != pages.Team {
			continue
		}
		if site == nil {
			return nil, fmt.Errorf("guard: no guide index among the planned pages, so no site data for the locked page of %s", f.Path)
		}
		box, err := key.Seal(f.Path, f.Data)
		if err != nil {
			return nil, fmt.Errorf("guard: %s: %w", f.Path, err)
		}
		locked := newLocked(site, g.lang(), key, box)
		if t := titles[f.Path]; t != "" {
			locked.Title = t
		}
		shell, err := theme.Page(pages.Page{Path: f.Path, Layout: "locked", Data: locked})
		if err != nil {
			return nil, err
		}
		out[i].Data = shell
	}
	return out, nil
}

func (g *Guard) lang() string {
	if g.opts.Config != nil && g.opts.Config.Language != "" {
		return g.opts.Config.Language
	}
	return content.DefaultLanguage
}

// commonOf finds the Common of a team page's data.
func commonOf(d pages.Data) *pages.Common {
	switch d := d.(type) {
	case *pages.GuidePage:
		return &d.Common
	case *pages.GuideIndexPage:
		return &d.Common
	}
	return nil
}

var (
	mainOpen = regexp.MustCompile(`<main\b[^>]*>`)
	bodyOpen = regexp.MustCompile(`<body\b[^>]*>`)
)

// previewNote marks a plain team page in the local preview.
var previewNote = `<p class="notice" role="note"><strong>Local preview, not encrypted.</strong> No passphrase is set, so this page is shown in plain text. The published site asks for the passphrase; set ` + html.EscapeString(PassphraseEnv) + ` to preview that.</p>`

// preview marks every team page as a plain local preview.
func preview(files []render.File) []render.File {
	out := make([]render.File, len(files))
	for i, f := range files {
		out[i] = f
		if f.Audience != pages.Team {
			continue
		}
		at := mainOpen.FindIndex(f.Data)
		if at == nil {
			at = bodyOpen.FindIndex(f.Data)
		}
		if at == nil {
			continue
		}
		b := make([]byte, 0, len(f.Data)+len(previewNote))
		b = append(append(append(b, f.Data[:at[1]]...), previewNote...), f.Data[at[1]:]...)
		out[i].Data = b
	}
	return out
}

// protectPos is where site.yaml sets how guides are protected.
func protectPos(c *content.Config) content.Pos {
	if c == nil {
		return content.Pos{}
	}
	if p, ok := c.Keys["guides.protect"]; ok {
		return p
	}
	if p, ok := c.Keys["guides"]; ok {
		return p
	}
	return content.Pos{File: c.File, Line: 1, Col: 1}
}

// WeakPassphrase reports, as a build does, a passphrase that is set for
// protect: passphrase but too easy to guess. A passphrase that is not set
// is no problem here: check runs where the secret often is not.
func WeakPassphrase(opts Options) content.Diagnostics {
	c := opts.Config
	pass := NormalizePassphrase(opts.Passphrase)
	if c == nil || c.Guides.Protect == content.ProtectNone || c.Guides.Protect == content.ProtectOmit || pass == "" || Strong(pass, guessable(c)) {
		return nil
	}
	var ds content.Diagnostics
	ds.Add(protectPos(c), "guides.protect", "passphrase-weak", "the passphrase in %s is too easy to guess (about 10^%.0f guesses; at least 10^%.1f are needed), and it is all that protects the guides on a public site; make one of four or more words picked at random (with dice or a password manager's generator) from a diceware list such as the EFF long word list, never a phrase you made up", PassphraseEnv, math.Log10(Guesses(pass, guessable(c))), math.Log10(MinGuesses))
	return ds
}
