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

// tooDeep finds the first line of src that nests past MaxNesting: a line
// whose block-quote markers, list markers and indentation (two columns a
// level) add up to more, or the line where a paragraph's unclosed "[" or
// "(" pass it, or its emphasis markers pass MaxDelimiters. It returns 0
// when src is within the limit.
func tooDeep(src []byte) (line int, msg string) {
	brackets, parens, delims, refs := 0, 0, 0, 0
	for ln, start := 1, 0; start < len(src); ln++ {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		l := src[start:end]
		start = end + 1
		if d := prefixDepth(l); d > MaxNesting {
			return ln, fmt.Sprintf("block quotes and lists nest %d levels deep here; the limit is %d", d, MaxNesting)
		}
		if blank(l) {
			brackets, parens, delims, refs = 0, 0, 0, 0 // a paragraph ends at a blank line
			continue
		}
		if isReference(l) {
			if refs++; refs > MaxReferences {
				return ln, fmt.Sprintf("more than %d link reference definitions follow one another here; the limit is %d (a blank line between groups resets it)", MaxReferences, MaxReferences)
			}
		}
		for i, c := range l {
			switch c {
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
				return ln, fmt.Sprintf("more than %d brackets or parentheses are open here in one paragraph; the limit is %d", MaxNesting, MaxNesting)
			}
			if delims > MaxDelimiters {
				return ln, fmt.Sprintf("more than %d runs of *, _ or ~ in one paragraph by this line; the limit is %d", MaxDelimiters, MaxDelimiters)
			}
		}
	}
	return 0, ""
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
