package pages

import "strconv"

// keyer builds a page's Key: a fingerprint of everything the page shows
// that can change between two builds of the same site, so a rebuild can
// reuse the bytes of a listing page whose roles did not change.
// It is 64-bit FNV-1a, written out so strings need no copying; a key only
// has to tell two builds of the same page apart, not resist an attacker.
type keyer struct{ h uint64 }

func newKeyer() *keyer { return &keyer{14695981039346656037} }

func (k *keyer) add(parts ...string) *keyer {
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			k.h = (k.h ^ uint64(p[i])) * 1099511628211
		}
		k.h = (k.h ^ 0xff) * 1099511628211 // separator: no UTF-8 text has this byte
	}
	return k
}

func (k *keyer) addInt(n int) *keyer { return k.add(strconv.Itoa(n)) }

func (k *keyer) String() string { return strconv.FormatUint(k.h, 16) }

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
