package markdown

import "fmt"

// MaxNesting is how deep a body may nest block quotes and lists, and
// brackets and parentheses within one paragraph. goldmark's cost grows
// with the square of these (100,000 nested ">" take seconds, 100,000
// unclosed "[a](" a minute) and its renderer recurses once per level, so
// a body past the limit is refused before it is parsed. Real bodies stay
// far below it.
const MaxNesting = 64

// tooDeep finds the first line of src that nests past MaxNesting: a line
// whose block-quote markers, list markers and indentation (two columns a
// level) add up to more, or the line where a paragraph's unclosed "[" or
// "(" pass it. It returns 0 when src is within the limit.
func tooDeep(src []byte) (line int, msg string) {
	brackets, parens := 0, 0
	for ln, start := 1, 0; start < len(src); ln++ {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		l := src[start:end]
		start = end + 1
		if blank(l) {
			brackets, parens = 0, 0 // a paragraph ends at a blank line
			continue
		}
		if d := prefixDepth(l); d > MaxNesting {
			return ln, fmt.Sprintf("block quotes and lists nest %d levels deep here; the limit is %d", d, MaxNesting)
		}
		for _, c := range l {
			switch c {
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
		}
	}
	return 0, ""
}

func blank(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\r' {
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
