package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// This file reads YAML that does not parse, line by line, to say what is
// wrong in a recruiter's terms and under which key: the parsers give a
// message and a place, not the key or what to change.

// srcLine is one line of YAML as the hints read it. Offsets are in bytes.
type srcLine struct {
	text    string
	indent  int   // the spaces and tabs before the first character
	content bool  // not blank and not only a comment
	seqs    []int // offsets of the "- " that open list items before the key
	keyAt   int   // offset of the key; -1 when the line has none
	key     string
	valAt   int    // offset of the value after "key: "
	value   string // the value, without a trailing comment
}

// readLine reads a line of block YAML: indentation, list items, a key.
func readLine(s string) srcLine {
	l := srcLine{text: s, keyAt: -1}
	rest := strings.TrimLeft(s, " \t")
	l.indent = len(s) - len(rest)
	if rest == "" || rest[0] == '#' {
		return l
	}
	l.content = true
	at := l.indent
	for rest == "-" || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "-\t") {
		l.seqs = append(l.seqs, at)
		t := strings.TrimLeft(rest[1:], " \t")
		at += len(rest) - len(t)
		rest = t
	}
	if rest == "" || strings.ContainsRune("[{#&*!|>?%@`,", rune(rest[0])) {
		return l
	}
	end := 0 // the key's colon
	if q := rest[0]; q == '"' || q == '\'' {
		c := closingQuote(rest)
		if c < 0 {
			return l
		}
		t := strings.TrimLeft(rest[c+1:], " \t")
		if !strings.HasPrefix(t, ":") {
			return l
		}
		end = len(rest) - len(t)
		l.key = rest[1:c]
	} else {
		end = keyColon(rest)
		if end < 0 {
			return l
		}
		l.key = strings.TrimRight(rest[:end], " \t")
	}
	l.keyAt = at
	v := rest[end+1:]
	t := strings.TrimLeft(v, " \t")
	l.valAt = at + end + 1 + len(v) - len(t)
	l.value = stripComment(t)
	return l
}

// keyColon finds the colon that ends a plain key: one followed by a space
// or the end of the line, before any " #" comment; -1 when there is none.
func keyColon(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '#' && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t'):
			return -1
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t'):
			return i
		}
	}
	return -1
}

// closingQuote returns the offset of the quote that closes the quoted text
// s starts with, or -1. A quote written twice inside single quotes, and
// one after a backslash inside double quotes, does not close it.
func closingQuote(s string) int {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// stripComment drops a trailing " # comment" from a plain value.
func stripComment(s string) string {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		return strings.TrimRight(s, " \t")
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t")
}

// blockScalar matches a value that opens a | or > block of text.
var blockScalar = regexp.MustCompile(`^[|>][-+0-9]*$`)

// frame is one level of the key path while reading lines down.
type frame struct {
	at    int
	seq   bool
	key   string
	index int
	line  int // where the frame was opened, or a list's last item (1-based)
}

// push places the list items and the key (at keyAt, when not -1) of l,
// line n, on the stack: under the last less indented key or list item.
func push(stack []frame, l srcLine, n, keyAt int, key string) []frame {
	for _, s := range l.seqs {
		for len(stack) > 0 && stack[len(stack)-1].at > s {
			stack = stack[:len(stack)-1]
		}
		if top := len(stack) - 1; top >= 0 && stack[top].seq && stack[top].at == s {
			stack[top].index++
			stack[top].line = n
		} else {
			stack = append(stack, frame{at: s, seq: true, line: n})
		}
	}
	if keyAt < 0 {
		return stack
	}
	for len(stack) > 0 && stack[len(stack)-1].at >= keyAt {
		stack = stack[:len(stack)-1]
	}
	return append(stack, frame{at: keyAt, key: key, line: n})
}

// stackAbove is the stack of keys and list items open after reading
// lines 1 to n-1 of lines (the lines above line n).
func stackAbove(lines []string, n int) []frame {
	var stack []frame
	block := -1 // lines indented more than this are the text of a | or > value
	for i := 0; i < n-1 && i < len(lines); i++ {
		l := readLine(lines[i])
		if !l.content {
			continue
		}
		if block >= 0 && l.indent > block {
			continue
		}
		block = -1
		stack = push(stack, l, i+1, l.keyAt, l.key)
		if l.keyAt >= 0 && blockScalar.MatchString(l.value) {
			block = l.keyAt
		}
	}
	return stack
}

// pathOf writes a stack as a key path: kpos[0].title.
func pathOf(stack []frame) string {
	var b strings.Builder
	for _, f := range stack {
		switch {
		case f.seq:
			fmt.Fprintf(&b, "[%d]", f.index)
		case b.Len() > 0:
			b.WriteString(".")
			b.WriteString(f.key)
		default:
			b.WriteString(f.key)
		}
	}
	return b.String()
}

// keyPath returns the key path (kpos[0].title) of a key written on line n
// (1-based) of lines, read as though the key stood at offset keyAt and
// inside the list items the line opens: each line above is placed under the
// last less indented key or list item. It is a reading of text that may not
// parse, so it is only as good as the indentation above line n.
func keyPath(lines []string, n, keyAt int, key string) string {
	stack := stackAbove(lines, n)
	if n >= 1 && n <= len(lines) {
		stack = push(stack, readLine(lines[n-1]), n, keyAt, key)
	}
	return pathOf(stack)
}

// meantList finds the list that a list item starting at offset at on
// line n was meant for, when it is out of line with that list: of the
// lists still open above line n, the one whose items start nearest to it
// (the outer one of two as near). It returns the list's key path and the
// line of its last item above; ok is false when no list is open above, or
// when the item is in line with the nearest one.
func meantList(lines []string, n, at int) (path string, line int, ok bool) {
	stack := stackAbove(lines, n)
	best := -1
	for i, f := range stack {
		if f.seq && (best < 0 || abs(f.at-at) < abs(stack[best].at-at)) {
			best = i
		}
	}
	if best < 0 || stack[best].at == at {
		return "", 0, false
	}
	return pathOf(stack[:best]), stack[best].line, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ownKeyPath is the key path of the key on line n, where it is written;
// "" when the line has no key.
func ownKeyPath(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return ""
	}
	l := readLine(lines[n-1])
	if l.keyAt < 0 {
		return ""
	}
	return keyPath(lines, n, l.keyAt, l.key)
}

// keyBefore returns the number of the last line above line n that has a
// key, with that line, or 0.
func keyBefore(lines []string, n int) (int, srcLine) {
	for i := min(n-1, len(lines)); i >= 1; i-- {
		if l := readLine(lines[i-1]); l.keyAt >= 0 {
			return i, l
		}
		if readLine(lines[i-1]).content {
			return 0, srcLine{keyAt: -1}
		}
	}
	return 0, srcLine{keyAt: -1}
}

// meantKeyPath is the key path of the key on line n as it was meant where
// its indentation is wrong: beside the key on the line above, or under it
// when that key has no value on its line.
func meantKeyPath(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return ""
	}
	l := readLine(lines[n-1])
	if l.keyAt < 0 {
		return ""
	}
	p, prev := keyBefore(lines, n)
	if p == 0 {
		return ownKeyPath(lines, n)
	}
	if prev.value == "" { // the first key under prev, in a first list item if any
		return join(keyPath(lines, p, prev.keyAt, prev.key)+strings.Repeat("[0]", len(l.seqs)), l.key)
	}
	return keyPath(lines, n, prev.keyAt, l.key)
}

// column turns a byte offset in line into a column counted in characters
// from 1, as the YAML parsers count.
func column(line string, offset int) int {
	offset = min(offset, len(line))
	return utf8.RuneCountInString(line[:offset]) + 1
}

// hintSyntax rewrites a YAML syntax error d in lines (the YAML text), as
// the parsers' messages and places let it, as what to change and under
// which key: a value holding ": ", text after a closing quote, a tab, a key
// or list item out of line, a line that is not key: value. v3 is
// yaml.v3's message and v3Line its line (0 when it names none); d holds the
// place and message from goccy/go-yaml, or yaml.v3's when goccy found
// nothing. Positions in d are set within lines, and the caller shifts them;
// line numbers in messages are shifted by offset, to count in the file.
func hintSyntax(d *Diagnostic, lines []string, v3 string, v3Line, offset int) {
	at := func(n int) string {
		if n < 1 || n > len(lines) {
			return ""
		}
		return lines[n-1]
	}
	// A tab: yaml.v3 names the line before it at times, goccy the line.
	if strings.Contains(v3, "tab character") || strings.Contains(d.Message, "'\t'") {
		for _, n := range []int{d.Pos.Line, v3Line, v3Line + 1} {
			text := at(n)
			i := strings.IndexByte(text, '\t')
			if i < 0 {
				continue
			}
			d.Pos.Line, d.Pos.Col = n, column(text, i)
			if strings.TrimLeft(text[:i], " ") == "" {
				d.Key = meantKeyPath(lines, n)
				d.Message = "this line is indented with a tab: YAML indents with spaces, not tabs"
			} else {
				d.Key = ownKeyPath(lines, n)
				d.Message = "a tab here: YAML indents and separates with spaces, not tabs"
			}
			return
		}
		return
	}
	// Text after a closing quote.
	if strings.Contains(d.Message, "map key-value is pre-defined") || strings.Contains(v3, "did not find expected key") {
		if l := readLine(at(d.Pos.Line)); l.keyAt >= 0 && l.value != "" && (l.value[0] == '"' || l.value[0] == '\'') {
			if c := closingQuote(l.value); c > 0 && c < len(l.value)-1 {
				// The text after the quote as written (", Tier 2" or
				// " across zones"), without a comment.
				after := strings.TrimRight(stripComment(l.value[c+1:]), " \t")
				if rest := strings.TrimLeft(after, " \t"); rest != "" {
					n := d.Pos.Line
					d.Pos.Col = column(l.text, l.valAt+c+1+len(after)-len(rest))
					d.Key = ownKeyPath(lines, n)
					d.Message = fmt.Sprintf("the text after the closing quote must be inside the quotes, e.g. %s: %s", l.key, quoted(l.value[0], l.value[1:c], after))
					return
				}
			}
		}
	}
	if strings.Contains(v3, "mapping values are not allowed") {
		n := v3Line
		if n < 1 {
			n = d.Pos.Line
		}
		l := readLine(at(n))
		// A key indented further than the key above, whose text it continues.
		if p, prev := keyBefore(lines, n); p > 0 && l.keyAt >= 0 && len(l.seqs) == 0 && l.indent > prev.keyAt &&
			prev.value != "" && !blockScalar.MatchString(prev.value) && !strings.ContainsRune("[{", rune(prev.value[0])) {
			d.Pos.Line, d.Pos.Col = n, column(l.text, l.keyAt)
			d.Key = meantKeyPath(lines, n)
			d.Message = fmt.Sprintf("indented further than %s on line %d, so YAML reads it as more of %s's text: line it up with %s", prev.key, p+offset, prev.key, prev.key)
			return
		}
		// A value that holds ": ".
		if l.keyAt >= 0 && l.value != "" && !strings.ContainsRune("\"'[{|>", rune(l.value[0])) && keyColon(l.value) >= 0 {
			d.Pos.Line, d.Pos.Col = n, column(l.text, l.valAt)
			d.Key = ownKeyPath(lines, n)
			d.Message = fmt.Sprintf(`a value that contains ": " must be quoted, e.g. %s: %s`, l.key, quoted(0, "", l.value))
			return
		}
	}
	// A line that is not key: value among keys.
	if strings.Contains(d.Message, "non-map value is specified") {
		if l := readLine(at(d.Pos.Line)); l.content && l.keyAt < 0 {
			d.Message = `expected "key: value" here: text or a list item that belongs to a key goes under it, indented`
			return
		}
	}
	// Anything else at the start of a key: most likely its indentation.
	if strings.Contains(d.Message, "not allowed in this context") || strings.Contains(v3, "did not find expected key") ||
		strings.Contains(v3, "did not find expected '-' indicator") {
		n := d.Pos.Line
		l := readLine(at(n))
		if len(l.seqs) > 0 {
			// A list item, with a key on its line or not, out of line
			// with the items of the list it was meant for.
			if path, p, ok := meantList(lines, n, l.seqs[0]); ok {
				d.Pos.Col = column(l.text, l.seqs[0])
				d.Key = path
				d.Message = fmt.Sprintf("not in line with the list item on line %d: check the indentation (the items of one list start in the same column)", p+offset)
				return
			}
		}
		if l.keyAt < 0 {
			return
		}
		d.Key = meantKeyPath(lines, n)
		if p, prev := keyBefore(lines, n); p > 0 && prev.keyAt != l.keyAt && prev.value != "" {
			d.Pos.Col = column(l.text, l.keyAt)
			d.Message = fmt.Sprintf("not in line with %s on line %d: check the indentation (the keys of one mapping start in the same column)", prev.key, p+offset)
			return
		}
		d.Message += ": check the indentation of this line"
	}
}

// quoted writes an example of a quoted value: written, text already
// inside quotes q as the file has it, then plain, text to add, escaped for
// those quotes (a plain value with no quotes of its own, written is "", is
// put in double quotes unless it holds a " or a \). A long example is cut
// short with "…".
func quoted(q byte, written, plain string) string {
	if q == 0 {
		q = '"'
		if strings.ContainsAny(plain, `"\`) {
			q = '\''
		}
	}
	if q == '\'' {
		plain = strings.ReplaceAll(plain, "'", "''")
	} else {
		plain = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(plain)
	}
	text := written + plain
	const most = 80
	if utf8.RuneCountInString(text) > most {
		text = strings.TrimRight(string([]rune(text)[:most-1]), ` \`) + "…"
	}
	return string(q) + text + string(q)
}
