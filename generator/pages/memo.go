package pages

import (
	"html/template"
	"sync"
)

// Memo keeps rendered fragments, so markup that many pages share is
// rendered once: the site's Memo holds fragments that depend on nothing but
// the hiring method (fact-finding follow-ups, trait probes), a guide's Memo
// the blocks its kits repeat. Layouts use it through the theme's memo
// function; a key must name everything the fragment depends on.
type Memo struct{ m sync.Map }

// Load returns the fragment stored under key.
func (m *Memo) Load(key string) (template.HTML, bool) {
	if m == nil {
		return "", false
	}
	v, ok := m.m.Load(key)
	if !ok {
		return "", false
	}
	return v.(template.HTML), true
}

// Store keeps a fragment under key.
func (m *Memo) Store(key string, h template.HTML) {
	if m != nil {
		m.m.Store(key, h)
	}
}
