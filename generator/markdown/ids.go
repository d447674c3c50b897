package markdown

import (
	"fmt"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/yuin/goldmark/ast"
)

// headingIDs names body headings the way hirebook names everything else:
// lower-case Unicode letters and digits joined by hyphens, so a heading in
// any script keeps its letters (goldmark's own ids drop every non-ASCII
// letter, so "採用について" and "Über uns" became "heading" and "ber-uns").
// An id is unique within the body and never one of the reserved ids, which
// the page around the body already uses.
type headingIDs struct {
	used map[string]bool
	next map[string]int // the number to try next after a base id, so that
	// many equal headings take linear time, not quadratic
}

func newHeadingIDs(reserved []string) *headingIDs {
	s := &headingIDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range reserved {
		s.used[id] = true
	}
	return s
}

// Generate returns a new unique id for a heading with the given text.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := content.Slugify(string(value))
	if base == "" {
		base = "heading"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for n := max(s.next[base], 1); s.used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id set by hand ({#id}).
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
