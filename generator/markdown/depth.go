package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// MaxNesting is how deep a body may nest block quotes and lists, and
// brackets and parentheses within one paragraph. goldmark's cost grows
// with the square of these (100,000 nested ">" take seconds, 100,000
// unclosed "[a](" a minute) and its renderer recurses once per level, so
// a body past the limit is refused before it is parsed. Real bodies stay
// far below it.
const MaxNesting = 64

// MaxDelimiters is how many runs of emphasis markers (*, _ or ~) one
// paragraph may hold. goldmark matches them pairwise, in time that grows
// with the square of the unmatched ones ("*a_ " 30,000 times takes
// seconds), so a paragraph past the limit is refused too.
const MaxDelimiters = 2000

// MaxReferences is how many link reference definitions ("[x]: /url") may
// follow one another without a blank line: goldmark reads such a run in
// time that grows with its square.
const MaxReferences = 1000

// tooDeepAt finds the first line of src that nests past MaxNesting: a
// line whose block-quote markers, list markers and indentation (two
// columns a level) add up to more, or the line where a paragraph's
// unclosed "[" or "(" pass it, or its emphasis markers pass
// MaxDelimiters. It returns 0 when src is within the limit.
func tooDeepAt(src []byte) int {
	if parts := deepParts(src, 1); len(parts) > 0 {
		return parts[0].line
	}
	return 0
}

// deepPart is a paragraph of a body that goes past a limit: the bytes
// from up to to, and the line and reason of the first place it does.
type deepPart struct {
	line     int
	msg      string
	from, to int
}

// deepParts finds up to n paragraphs of src that go past the limits, in
// one pass: after each, the scan goes on at the next blank line.
func deepParts(src []byte, n int) []deepPart {
	var parts []deepPart
	brackets, parens, delims, refs := 0, 0, 0, 0
	para := 0 // where the current paragraph starts
	for ln, start := 1, 0; start < len(src) && len(parts) < n; ln++ {
		end := lineEnd(src, start)
		l := src[start:end]
		start = end + 1
		msg := ""
		if d := prefixDepth(l); d > MaxNesting {
			msg = fmt.Sprintf("block quotes and lists nest %d levels deep here; the limit is %d", d, MaxNesting)
		} else if blank(l) {
			brackets, parens, delims, refs = 0, 0, 0, 0 // a paragraph ends at a blank line
			para = start
			continue
		}
		if msg == "" && isReference(l) {
			if refs++; refs > MaxReferences {
				msg = fmt.Sprintf("more than %d link reference definitions follow one another here; the limit is %d (a blank line between groups resets it)", MaxReferences, MaxReferences)
			}
		}
		for i := 0; i < len(l) && msg == ""; i++ {
			switch c := l[i]; c {
			case '*', '_', '~':
				if i == 0 || l[i-1] != c {
					delims++
				}
			case '[':
				brackets++
			case ']':
				brackets = max(brackets-1, 0)
			case '(':
				parens++
			case ')':
				parens = max(parens-1, 0)
			}
			if brackets > MaxNesting || parens > MaxNesting {
				msg = fmt.Sprintf("more than %d brackets or parentheses are open here in one paragraph; the limit is %d", MaxNesting, MaxNesting)
			} else if delims > MaxDelimiters {
				msg = fmt.Sprintf("more than %d runs of *, _ or ~ in one paragraph by this line; the limit is %d", MaxDelimiters, MaxDelimiters)
			}
		}
		if msg == "" {
			continue
		}
		bad := ln
		// Skip to the end of the paragraph: its next blank line.
		for start < len(src) {
			e := lineEnd(src, start)
			if blank(src[start:e]) && prefixDepth(src[start:e]) <= MaxNesting {
				break
			}
			start = e + 1
			ln++
		}
		parts = append(parts, deepPart{line: bad, msg: msg, from: para, to: min(start, len(src))})
		brackets, parens, delims, refs = 0, 0, 0, 0
		para = start
	}
	return parts
}

// lineEnd is the index of the newline that ends the line starting at
// start, or len(src).
func lineEnd(src []byte, start int) int {
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(src)
}

// withoutParts is src with the bytes of parts taken out, their line
// breaks kept, so every other line keeps its number.
func withoutParts(src []byte, parts []deepPart) []byte {
	out := make([]byte, 0, len(src))
	at := 0
	for _, p := range parts {
		out = append(out, src[at:p.from]...)
		out = append(out, bytes.Repeat([]byte{'\n'}, bytes.Count(src[p.from:p.to], []byte{'\n'}))...)
		at = p.to
	}
	return append(out, src[at:]...)
}

// isReference reports whether l looks like a link reference definition,
// in a block quote or not: "[label]:" after spaces and ">" markers.
func isReference(l []byte) bool {
	t := bytes.TrimLeft(l, " \t>")
	if len(t) == 0 || t[0] != '[' {
		return false
	}
	i := bytes.IndexByte(t, ']')
	return i > 0 && i+1 < len(t) && t[i+1] == ':'
}

// blank reports whether l ends a paragraph: empty, or only block-quote
// markers.
func blank(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\r' && c != '>' {
			return false
		}
	}
	return true
}

// prefixDepth counts the containers a line's start can open: each ">",
// each list marker ("-", "*", "+", "1." or "1)" followed by a space), and
// every two columns of indentation.
func prefixDepth(l []byte) int {
	depth, cols, i := 0, 0, 0
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + cols/2
		default:
			return depth + cols/2
		}
	}
	return depth + cols/2
}

// maxTreeDepth bounds the depth of a parsed body. Block nesting is held
// to MaxNesting before parsing, but a pair of long runs of emphasis
// markers ("***…x…***") nests one element per two markers; browsers and
// HTML parsers stop nesting at 512 open elements, so a body whose tree
// goes deeper is refused.
const maxTreeDepth = 256

// deepest returns the first node of doc deeper than limit, or nil,
// walking without recursion.
func deepest(doc ast.Node, limit int) ast.Node {
	n, depth := doc, 0
	for {
		if depth > limit {
			return n
		}
		if c := n.FirstChild(); c != nil {
			n, depth = c, depth+1
			continue
		}
		for n != doc && n.NextSibling() == nil {
			n, depth = n.Parent(), depth-1
		}
		if n == doc {
			return nil
		}
		n = n.NextSibling()
	}
}

// blockLine is the body line of n's nearest block with lines.
func blockLine(n ast.Node, src []byte) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return 1 + bytes.Count(src[:min(p.Lines().At(0).Start, len(src))], []byte("\n"))
		}
	}
	return 1
}
