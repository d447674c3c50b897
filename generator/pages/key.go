package pages

import (
	"encoding/hex"
	"hash"
	"hash/fnv"
	"strconv"
)

// keyer builds a page's Key: a fingerprint of everything the page shows
// that can change between two builds of the same site, so a rebuild can
// reuse the bytes of a listing page whose roles did not change.
type keyer struct{ h hash.Hash64 }

func newKeyer() *keyer { return &keyer{fnv.New64a()} }

func (k *keyer) add(parts ...string) *keyer {
	for _, p := range parts {
		k.h.Write([]byte(p))
		k.h.Write([]byte{0})
	}
	return k
}

func (k *keyer) addInt(n int) *keyer { return k.add(strconv.Itoa(n)) }

func (k *keyer) String() string { return hex.EncodeToString(k.h.Sum(nil)) }

// cardKey fingerprints what lists show of a role.
func cardKey(v *RoleView) string {
	k := newKeyer().add(v.Slug, v.Title, v.Summary, v.Location, v.WorkModeLabel, v.EmploymentLabel, v.Team.Title, v.Team.URL, v.URL, v.Posted, v.Closes)
	k.add(strconv.FormatBool(v.Closed), strconv.FormatBool(v.Draft))
	for _, iv := range v.Interviewers {
		k.add(iv.Name, iv.Slug).addInt(len(iv.Covers))
	}
	return k.String()
}

func commonKey(k *keyer, c *Common) {
	k.add(c.Title, c.Description, c.Lang, c.URL, c.Canonical, strconv.FormatBool(c.NoIndex))
}
