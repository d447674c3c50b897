package guard

import (
	"encoding/base64"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/hirebook/hirebook/generator/pages"
)

// LockedPage is the data of the theme's locked layout: the shell that
// stands in for a team page. It carries nothing of the page but its
// address: the title is generic, and the page itself is Sealed.
type LockedPage struct {
	pages.Common
	Sealed Sealed
	Script string // URL of assets/unlock.js
	Style  string // URL of assets/unlock.css
}

// Sealed is what the browser needs to open a page, besides the
// passphrase, as the layout writes it: base64url without padding (no
// character of it needs escaping in HTML).
type Sealed struct {
	Version    string // format version, "1"
	Salt       string
	Iterations int
	Nonce      string
	Path       string // associated data: the page's path in the site
	Ciphertext string // zlib-compressed page, AES-256-GCM, tag at the end
}

var b64 = base64.RawURLEncoding

// LockedTitle is the title of a shell page whose sealed page has no title
// of its own; otherwise the shell carries the sealed page's title, which
// names only what role pages show already (the role, and interviewers who
// have kits).
const LockedTitle = "For the hiring team"

func newLocked(site *pages.SiteView, lang string, k *Key, b Box) *LockedPage {
	dir := strings.TrimSuffix(strings.TrimSuffix(b.Path, "index.html"), "/")
	if dir != "" {
		dir += "/"
	}
	return &LockedPage{
		Common: pages.Common{Site: site, Title: LockedTitle, Lang: lang, URL: site.BasePath + dir, Canonical: site.BaseURL + dir, NoIndex: true},
		Sealed: Sealed{
			Version: formatV, Salt: b64.EncodeToString(k.Salt), Iterations: k.Iterations,
			Nonce: b64.EncodeToString(b.Nonce), Path: b.Path, Ciphertext: b64.EncodeToString(b.Ciphertext),
		},
		Script: site.BasePath + "assets/unlock.js",
		Style:  site.BasePath + "assets/unlock.css",
	}
}

var sealedElem = regexp.MustCompile(`<script type="application/octet-stream" id="hb-sealed"([^>]*)>([A-Za-z0-9_-]*)</script>`)
var attr = regexp.MustCompile(`\sdata-(\w+)="([^"]*)"`)

// ParseLocked reads the sealed data back from a shell page, the way
// unlock.js does. ok is false when the page is not a shell.
func ParseLocked(page []byte) (s Sealed, ok bool) {
	m := sealedElem.FindSubmatch(page)
	if m == nil {
		return s, false
	}
	s.Ciphertext = string(m[2])
	for _, a := range attr.FindAllSubmatch(m[1], -1) {
		v := html.UnescapeString(string(a[2]))
		switch string(a[1]) {
		case "v":
			s.Version = v
		case "salt":
			s.Salt = v
		case "iter":
			s.Iterations, _ = strconv.Atoi(v)
		case "nonce":
			s.Nonce = v
		case "path":
			s.Path = v
		}
	}
	return s, true
}

// OpenLocked opens a shell page with a passphrase, deriving the key from
// the salt and iteration count the page carries, as the browser does. Any
// failure is ErrOpen.
func OpenLocked(page []byte, passphrase string) ([]byte, error) {
	s, ok := ParseLocked(page)
	if !ok || s.Version != formatV {
		return nil, ErrOpen
	}
	salt, err1 := b64.DecodeString(s.Salt)
	nonce, err2 := b64.DecodeString(s.Nonce)
	ct, err3 := b64.DecodeString(s.Ciphertext)
	if err1 != nil || err2 != nil || err3 != nil || s.Iterations < 1 {
		return nil, ErrOpen
	}
	k, err := DeriveKey(passphrase, salt, s.Iterations)
	if err != nil {
		return nil, ErrOpen
	}
	return k.Open(Box{Path: s.Path, Nonce: nonce, Ciphertext: ct})
}
