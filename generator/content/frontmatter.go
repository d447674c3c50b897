package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest content file hirebook reads.
const MaxFileSize = 1 << 20

// Document is a content file split into its front-matter, as a YAML node
// tree whose lines count from the top of the file, and its Markdown body.
type Document struct {
	File     string
	Meta     *yaml.Node // a mapping node; empty when the file has no front-matter
	Body     []byte
	BodyLine int // the file line on which the body starts
}

// captured receives the raw front-matter block from adrg/frontmatter.
type captured struct {
	format string
	data   []byte
	set    bool
}

func captureAs(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*captured)
		c.format, c.data, c.set = format, append([]byte(nil), data...), true
		return nil
	}
}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", captureAs("yaml")),
	frontmatter.NewFormat("+++", "+++", captureAs("toml")),
}

// Clean applies the byte-level reading rules shared by every content file:
// the size limit, UTF-8, a byte-order mark and CRLF line endings.
func Clean(file string, data []byte) ([]byte, *Diagnostic) {
	if len(data) > MaxFileSize {
		return nil, &Diagnostic{Pos: Pos{File: file, Line: 1, Col: 1}, Rule: "file-too-large", Message: fmt.Sprintf("file is %d bytes; the limit is 1 MiB", len(data))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, notUTF8(file, data, firstInvalid(data))
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), nil
}

// notUTF8 places the first byte that is not UTF-8, at offset bad, with the
// key it is in when that is in YAML: in front-matter between --- lines, or
// anywhere in a .yaml file.
func notUTF8(file string, data []byte, bad int) *Diagnostic {
	start := bytes.LastIndexByte(data[:bad], '\n') + 1
	d := &Diagnostic{
		Pos:     Pos{File: file, Line: 1 + bytes.Count(data[:start], []byte("\n")), Col: utf8.RuneCount(data[start:bad]) + 1},
		Rule:    "not-utf8",
		Message: fmt.Sprintf("file is not valid UTF-8 text (byte 0x%02X here): save it as UTF-8", data[bad]),
	}
	lines := strings.Split(strings.ReplaceAll(string(data[:bad]), "\r\n", "\n"), "\n")
	first := 0 // the first YAML line, counting from 0
	if !strings.HasSuffix(file, ".yaml") && !strings.HasSuffix(file, ".yml") {
		open, delim := openingLine(data)
		if delim != "---" || open >= d.Pos.Line {
			return d
		}
		for _, l := range lines[open : len(lines)-1] {
			if strings.TrimSpace(l) == "---" {
				return d // in the body
			}
		}
		first = open
	}
	d.Key = ownKeyPath(lines[first:], len(lines)-first)
	return d
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Split reads a content file's front-matter (YAML between --- lines or TOML
// between +++ lines) and body. Positions in Meta are file positions.
func Split(file string, raw []byte) (*Document, *Diagnostic) {
	data, d := Clean(file, raw)
	if d != nil {
		return nil, d
	}
	var c captured
	body, err := frontmatter.Parse(bytes.NewReader(data), &c, formats...)
	openLine, delim := openingLine(data)
	if err != nil {
		return nil, &Diagnostic{Pos: Pos{File: file, Line: openLine, Col: 1}, Rule: "front-matter", Message: err.Error()}
	}
	if !c.set {
		if delim != "" {
			return nil, &Diagnostic{Pos: Pos{File: file, Line: openLine, Col: 1}, Rule: "front-matter-unclosed",
				Message: fmt.Sprintf("front-matter opened with %s is never closed by a %s line", delim, delim)}
		}
		return &Document{File: file, Meta: emptyMapping(), Body: data, BodyLine: 1}, nil
	}
	doc := &Document{File: file, Body: body, BodyLine: 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n"))}
	var dd *Diagnostic
	if c.format == "toml" {
		doc.Meta, dd = parseTOML(file, c.data, openLine)
	} else {
		doc.Meta, dd = ParseYAML(file, c.data, openLine)
	}
	if dd != nil {
		return nil, dd
	}
	return doc, nil
}

// openingLine finds the first non-blank line and reports whether it opens
// front-matter.
func openingLine(data []byte) (int, string) {
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var l []byte
		if i < 0 {
			l, data = data, nil
		} else {
			l, data = data[:i], data[i+1:]
		}
		switch t := string(bytes.TrimSpace(l)); t {
		case "":
			line++
			continue
		case "---", "+++":
			return line, t
		}
		return line, ""
	}
	return line, ""
}

func emptyMapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

// ParseYAML parses a YAML document into a node tree, adding offset to every
// line so positions count from the top of the file. An empty document is an
// empty mapping; any other non-mapping document is an error.
func ParseYAML(file string, data []byte, offset int) (*yaml.Node, *Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(file, data, offset, err)
	}
	if len(doc.Content) == 0 {
		return emptyMapping(), nil
	}
	root := doc.Content[0]
	shiftLines(root, offset)
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return emptyMapping(), nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Diagnostic{Pos: Pos{File: file, Line: root.Line, Col: root.Column}, Rule: "front-matter",
			Message: "front-matter must be a mapping of keys to values"}
	}
	return root, nil
}

func shiftLines(n *yaml.Node, offset int) {
	n.Line += offset
	for _, c := range n.Content {
		shiftLines(c, offset)
	}
}

func parseTOML(file string, data []byte, offset int) (*yaml.Node, *Diagnostic) {
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		var pe toml.ParseError
		pos := Pos{File: file, Line: offset, Col: 1}
		msg := err.Error()
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line+offset, pe.Position.Col
			msg = pe.Message
			if m := tomlRange.FindStringSubmatch(msg); m != nil {
				msg = outOfRange(m[1], m[2] == "int64")
			}
		}
		return nil, &Diagnostic{Pos: pos, Rule: "toml-syntax", Message: msg}
	}
	return tomlToNode(m, md, data, offset), nil
}

// tomlRange is BurntSushi/toml's message for a number that does not fit.
var tomlRange = regexp.MustCompile(`^(\S+) is out of range for (int64|float64)$`)

// syntaxError places a YAML syntax error. yaml.v3 reports syntax errors
// only as text, so the position comes from goccy/go-yaml's parser, which
// returns it as data; when that parser accepts the text, the error is placed
// at the opening delimiter.
//
// goccy's parser needs memory that grows with the square of the nesting
// depth, so text nested too deep (yaml.v3 says "exceeded max depth", or
// brackets nest past maxFlowDepth) is placed by the line yaml.v3's
// message names. Otherwise hintSyntax says, where it can tell, what to
// change and under which key.
func syntaxError(file string, data []byte, offset int, err error) *Diagnostic {
	v3, v3Line := strings.TrimPrefix(err.Error(), "yaml: "), 0
	if m := yamlLine.FindStringSubmatch(v3); m != nil {
		if n, aerr := strconv.Atoi(m[1]); aerr == nil {
			v3, v3Line = m[2], n
		}
	}
	d := &Diagnostic{Pos: Pos{File: file, Line: v3Line}, Rule: "yaml-syntax", Message: v3}
	if flowDepth(data) <= maxFlowDepth && !strings.Contains(v3, "exceeded max depth") {
		_, perr := goccyparser.ParseBytes(data, 0)
		var se *goccy.SyntaxError
		if errors.As(perr, &se) && se.Token != nil {
			d.Pos.Line, d.Pos.Col, d.Message = se.Token.Position.Line, se.Token.Position.Column, se.Message
		}
		hintSyntax(d, strings.Split(string(data), "\n"), v3, v3Line, offset)
	}
	// Without a line, the error is placed at the opening delimiter (the top
	// of site.yaml); without a column, at the start of its line.
	d.Pos.Line = max(1, d.Pos.Line+offset)
	d.Pos.Col = max(1, d.Pos.Col)
	return d
}

// yamlLine is the line yaml.v3 puts in some of its messages.
var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// maxFlowDepth is deeper than any real front-matter nests.
const maxFlowDepth = 500

// flowDepth is how deep [ and { nest in data, counting brackets in quoted
// text too (it only has to be an upper bound).
func flowDepth(data []byte) int {
	depth, deepest := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(0, depth-1)
		}
	}
	return deepest
}
