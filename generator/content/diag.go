package content

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Pos is a place in a source file. Line and Col count from 1; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic stops the build.
type Severity int

// The two kinds of problem: errors stop the build, warnings do not.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the content, with where it is.
type Diagnostic struct {
	Pos      Pos
	Key      string // front-matter key path, e.g. kpos[1].title; may be empty
	Rule     string // rule id, e.g. unknown-key
	Severity Severity
	Message  string
}

// Error formats the diagnostic as file:line:col: severity: key: message
// [rule], on one line: control characters in the file name, key or message
// (a key can be any text a file holds) are written as \n, \x1b and so on,
// so they can neither start a forged line nor drive the terminal.
func (d Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(printable(d.Pos.String()))
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if d.Key != "" {
		b.WriteString(printable(d.Key))
		b.WriteString(": ")
	}
	b.WriteString(printable(d.Message))
	if d.Rule != "" {
		b.WriteString(" [")
		b.WriteString(d.Rule)
		b.WriteString("]")
	}
	return b.String()
}

// Diagnostics is a list of problems. As an error it reports every one.
type Diagnostics []Diagnostic

// Error prints one diagnostic a line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap exposes each diagnostic to errors.Is and errors.As.
func (ds Diagnostics) Unwrap() []error {
	errs := make([]error, len(ds))
	for i, d := range ds {
		errs[i] = d
	}
	return errs
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the diagnostics that are errors.
func (ds Diagnostics) Errors() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders diagnostics by file, line, column, key and message, so output
// is stable whatever order the files were read in.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Message < b.Message
	})
}

// Compact drops repeats of a diagnostic, as when a bad value inherited from
// site.yaml is found once for every role: the list must be sorted.
func (ds Diagnostics) Compact() Diagnostics {
	return slices.Compact(ds)
}

// Add appends an error diagnostic.
func (ds *Diagnostics) Add(pos Pos, key, rule, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Key: key, Rule: rule, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning diagnostic.
func (ds *Diagnostics) Warn(pos Pos, key, rule, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Key: key, Rule: rule, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// WriteBrief writes, one a line and in order, the first diagnostic of
// each rule and as many of the others as make max in all, then how many
// more there are by rule, most frequent first: "and 9980 more warnings
// (missing-closes 9000, missing-feedback 980): hirebook check lists them
// all". It is for warnings, which a site of ten thousand roles can have by
// the ten thousand; every kind is still shown once (a warning about
// site.yaml sorts after every role's). Errors are always printed whole.
func (ds Diagnostics) WriteBrief(w io.Writer, max int) error {
	show := make([]bool, len(ds))
	shown := 0
	firstOf := map[string]bool{}
	for i, d := range ds {
		if !firstOf[d.Rule] {
			firstOf[d.Rule] = true
			show[i] = true
			shown++
		}
	}
	for i := range ds {
		if shown >= max {
			break
		}
		if !show[i] {
			show[i] = true
			shown++
		}
	}
	bw := bufio.NewWriter(w)
	byRule := map[string]int{}
	for i, d := range ds {
		if show[i] {
			fmt.Fprintln(bw, d.Error())
		} else {
			byRule[d.Rule]++
		}
	}
	if rest := len(ds) - shown; rest > 0 {
		rules := make([]string, 0, len(byRule))
		for r := range byRule {
			rules = append(rules, r)
		}
		sort.Slice(rules, func(i, j int) bool {
			if byRule[rules[i]] != byRule[rules[j]] {
				return byRule[rules[i]] > byRule[rules[j]]
			}
			return rules[i] < rules[j]
		})
		parts := make([]string, len(rules))
		for i, r := range rules {
			parts[i] = fmt.Sprintf("%s %d", r, byRule[r])
		}
		noun := "warnings"
		if rest == 1 {
			noun = "warning"
		}
		fmt.Fprintf(bw, "and %d more %s (%s): hirebook check lists them all\n", rest, noun, strings.Join(parts, ", "))
	}
	return bw.Flush()
}

// printable escapes control and other invisible characters the way Go
// quotes strings, leaving the rest (accents, CJK, emoji, no-break spaces)
// as it is.
func printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsGraphic(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}
