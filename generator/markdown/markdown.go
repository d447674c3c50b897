// Package markdown turns role and company bodies into HTML with one
// configured goldmark instance: GitHub-flavoured Markdown, heading ids and
// heading attributes, body headings shifted under the page's h1, links
// rewritten to site URLs, and raw HTML dropped unless the site opts in.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LinkResolver maps a link destination written in a body to the URL the
// page should carry. It returns a problem message when the link points at
// a page of the site that does not exist.
type LinkResolver func(dest string) (url string, problem string)

// Problem is a link that could not be resolved, or a body nested too
// deeply to render, with its line in the body (counting from 1); or, as
// a warning, something written in the body that is not published.
type Problem struct {
	Line    int
	Col     int // 0 when only the line is known
	Dest    string
	Rule    string // "broken-link", "markdown-too-deep", "raw-html-dropped" or "unsafe-link"
	Message string
	Warning bool // published without it; the build goes on
}

// Renderer renders Markdown bodies. It is safe for concurrent use.
type Renderer struct {
	md       goldmark.Markdown
	reserved []string
	clean    *bluemonday.Policy // nil unless raw HTML is kept
}

type config struct {
	unsafe   bool
	reserved []string
}

// Option configures a Renderer.
type Option func(*config)

// WithUnsafeHTML keeps raw HTML in bodies (the site's markdown.unsafe_html),
// passed through an allowlist that removes anything that could run: script
// elements, event attributes and javascript: URLs never reach a page.
func WithUnsafeHTML(on bool) Option { return func(c *config) { c.unsafe = on } }

// WithReservedIDs keeps generated heading ids clear of ids the page around
// the body already uses (a layout's section ids, "main", ...); a heading
// that would take one gets a numbered id instead.
func WithReservedIDs(ids ...string) Option {
	return func(c *config) { c.reserved = append(c.reserved, ids...) }
}

// New builds a renderer.
func New(opts ...Option) *Renderer {
	var c config
	for _, o := range opts {
		o(&c)
	}
	rendererOpts := []goldmark.Option{}
	htmlOpts := []renderer.Option{}
	if c.unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	rendererOpts = append(rendererOpts,
		goldmark.WithExtensions(gfm()...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100)),
		),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	r := &Renderer{md: goldmark.New(rendererOpts...), reserved: c.reserved}
	if c.unsafe {
		r.clean = sanitizer()
	}
	return r
}

var (
	resolverKey = parser.NewContextKey()
	reservedKey = parser.NewContextKey()
	problemsKey = parser.NewContextKey()
	rawKeptKey  = parser.NewContextKey()
)

// Render converts src to HTML, resolving links with resolve (which may be
// nil), and returns the problems found in links. Heading ids avoid the
// renderer's reserved ids and the ones given here (ids the page around this
// body uses): a generated id gets a number, and so does an explicit {#id}
// that would repeat one.
//
// A body that nests deeper than MaxNesting (or whose tree, through
// emphasis, goes deeper than browsers nest) renders as nothing, with one
// problem at the line where it goes too deep.
//
// The rest of a body that goes too deep is still read for its other
// problems (broken links), so that one run reports them all.
func (r *Renderer) Render(src []byte, resolve LinkResolver, reserved ...string) (template.HTML, []Problem) {
	if parts := deepParts(src, maxLines(src)); len(parts) > 0 {
		probs := []Problem{{Line: parts[0].line, Rule: "markdown-too-deep", Message: parts[0].msg}}
		if rest := withoutParts(src, parts); tooDeepAt(rest) == 0 {
			_, more := r.render(rest, resolve, reserved)
			probs = append(probs, more...)
		}
		return "", probs
	}
	return r.render(src, resolve, reserved)
}

// maxLines is how many lines src has: no more parts than that can go too
// deep.
func maxLines(src []byte) int { return bytes.Count(src, []byte{'\n'}) + 1 }

func (r *Renderer) render(src []byte, resolve LinkResolver, reserved []string) (template.HTML, []Problem) {
	taken := map[string]bool{}
	for _, id := range r.reserved {
		taken[id] = true
	}
	for _, id := range reserved {
		taken[id] = true
	}
	all := append(append([]string{}, r.reserved...), reserved...)
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs(all)))
	pc.Set(reservedKey, taken)
	pc.Set(resolverKey, resolve)
	probs := &[]Problem{}
	pc.Set(problemsKey, probs)
	pc.Set(rawKeptKey, r.clean != nil)
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if n := deepest(doc, maxTreeDepth); n != nil {
		return "", []Problem{{Line: blockLine(n, src), Rule: "markdown-too-deep",
			Message: fmt.Sprintf("emphasis nests elements more than %d deep here; the limit is %d", maxTreeDepth, maxTreeDepth)}}
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		// Rendering into a bytes.Buffer cannot fail; keep what was written.
		*probs = append(*probs, Problem{Line: 1, Rule: "markdown", Message: err.Error()})
	}
	if r.clean != nil {
		clean := balance(r.clean.SanitizeBytes(buf.Bytes()), all)
		return template.HTML(clean), *probs // #nosec: raw HTML kept, then sanitised and re-serialised
	}
	return template.HTML(buf.String()), *probs // #nosec: goldmark output, raw HTML dropped
}

// transformer trims heading attributes, shifts headings and rewrites
// links after parsing.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	plainHeadingAttributes(doc)
	noDataLinks(doc, src)
	shiftHeadings(doc)
	if taken, _ := pc.Get(reservedKey).(map[string]bool); len(taken) > 0 {
		renameReserved(doc, taken, pc)
	}
	resolve, _ := pc.Get(resolverKey).(LinkResolver)
	probs, _ := pc.Get(problemsKey).(*[]Problem)
	if probs == nil {
		probs = &[]Problem{}
	}
	rawKept, _ := pc.Get(rawKeptKey).(bool)
	at := &positions{src: src}
	rawLine, raws := 0, 0 // where raw HTML that is dropped is first, and how often
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch l := n.(type) {
		case *ast.Link:
			dest = &l.Destination
		case *ast.Image:
			dest = &l.Destination
		case *extast.Table:
			focusable(l)
			return ast.WalkContinue, nil
		case *ast.HTMLBlock, *ast.RawHTML:
			if !rawKept && !commentOrClosing(n, src) {
				if raws++; raws == 1 {
					rawLine, _ = at.of(n)
				}
			}
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if html.IsDangerousURL(*dest) {
			line, col := at.of(n)
			*probs = append(*probs, Problem{Line: line, Col: col, Dest: string(*dest), Rule: "unsafe-link", Warning: true,
				Message: "a link that runs script or opens a file on the reader's own computer (javascript:, vbscript:, file:, or a data: URL other than an image) is not published; link to a page instead"})
			return ast.WalkContinue, nil
		}
		if resolve == nil {
			return ast.WalkContinue, nil
		}
		url, problem := resolve(string(*dest))
		if problem != "" && probs != nil {
			line, col := at.of(n)
			*probs = append(*probs, Problem{Line: line, Col: col, Dest: string(*dest), Rule: "broken-link", Message: problem})
		}
		*dest = []byte(url)
		return ast.WalkContinue, nil
	})
	if raws > 0 {
		more := ""
		if raws > 1 {
			more = fmt.Sprintf(" (and %d more places)", raws-1)
		}
		*probs = append(*probs, Problem{Line: rawLine, Rule: "raw-html-dropped", Warning: true,
			Message: "raw HTML here" + more + " is not published: this site has markdown.unsafe_html off; write it in Markdown, or turn the option on in site.yaml"})
	}
}

// focusable lets the keyboard reach a table: one too wide for a phone
// scrolls in its box, and a box that scrolls must take focus for every
// browser's keyboard to scroll it.
func focusable(t *extast.Table) { t.SetAttributeString("tabindex", []byte("0")) }

// commentOrClosing reports whether raw HTML is a comment, which is never
// meant to be published, or a closing tag, which belongs to an opening one
// already counted.
func commentOrClosing(n ast.Node, src []byte) bool {
	switch h := n.(type) {
	case *ast.HTMLBlock:
		if h.HTMLBlockType != ast.HTMLBlockType2 {
			return false
		}
		// Only a comment closed with nothing after it: a block that is
		// never closed, or goes on past its "-->", hides text too.
		var b []byte
		for i := 0; i < h.Lines().Len(); i++ {
			seg := h.Lines().At(i)
			b = append(b, seg.Value(src)...)
		}
		if h.HasClosure() {
			seg := h.ClosureLine
			b = append(b, seg.Value(src)...)
		}
		t := bytes.TrimSpace(b)
		end := bytes.Index(t, []byte("-->"))
		return bytes.HasPrefix(t, []byte("<!--")) && end >= 0 && end == len(t)-3
	case *ast.RawHTML:
		if h.Segments.Len() == 0 {
			return false
		}
		seg := h.Segments.At(0)
		t := seg.Value(src)
		return bytes.HasPrefix(t, []byte("<!--")) || bytes.HasPrefix(t, []byte("</"))
	}
	return false
}

// shiftHeadings moves every heading down so the highest becomes h2,
// keeping their order; nothing goes past h6.
func shiftHeadings(doc *ast.Document) {
	top := 7
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < top {
			top = h.Level
		}
		return ast.WalkContinue, nil
	})
	if top == 7 || top == 2 {
		return
	}
	shift := 2 - top
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+shift, 6)
		}
		return ast.WalkContinue, nil
	})
}

// positions places nodes of one body by line and column (in characters,
// from 1). A line is found by binary search over the body's line breaks,
// listed the first time one is asked for, and a column is counted on from
// the last place asked on the same line: links are met in order, so a body
// with many problems on one long line is read once, not once a problem.
type positions struct {
	src            []byte
	breaks         []int // offsets of the line breaks
	listed         bool
	line, off, col int // the last answer
}

// of places n: a link's "[" or an image's "!", found from its first text;
// raw HTML where it starts; a node without text at the start of its block.
func (p *positions) of(n ast.Node) (line, col int) {
	off := offsetOf(n, p.src)
	if off < 0 {
		return 1, 1
	}
	off = min(off, len(p.src))
	if !p.listed {
		for i := 0; ; i++ {
			j := bytes.IndexByte(p.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j
			p.breaks = append(p.breaks, i)
		}
		p.listed = true
	}
	i := sort.SearchInts(p.breaks, off) // the line breaks before off
	start := 0
	if i > 0 {
		start = p.breaks[i-1] + 1
	}
	if p.line == i+1 && p.off >= start && p.off <= off {
		col = p.col + utf8.RuneCount(p.src[p.off:off])
	} else {
		col = 1 + utf8.RuneCount(p.src[start:off])
	}
	// Keep the furthest place: one asked for further back (a link placed
	// at the start of its block) must not send the next count back there.
	if i+1 > p.line || i+1 == p.line && off >= p.off {
		p.line, p.off, p.col = i+1, off, col
	}
	return i + 1, col
}

// maxBack is how far back along a line offsetOf looks for a link's "[".
const maxBack = 4096

// offsetOf is where n starts in src, or -1 when nothing places it.
func offsetOf(n ast.Node, src []byte) int {
	offset := -1
	var first ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			offset, first = t.Segment.Start, t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if raw, ok := n.(*ast.RawHTML); ok && raw.Segments.Len() > 0 {
		offset = raw.Segments.At(0).Start
	}
	if offset >= 0 && first != nil {
		switch n.(type) {
		case *ast.Link, *ast.Image:
			// Back from the first text to the "[" that opens n: past
			// markers and tags before the text, and past the "[" of each
			// link or image inside n that the text is in.
			skip := 0
			for p := first.Parent(); p != nil && p != n; p = p.Parent() {
				if p.Kind() == ast.KindLink || p.Kind() == ast.KindImage {
					skip++
				}
			}
			for o := offset - 1; o >= 0 && o >= offset-maxBack && src[o] != '\n'; o-- {
				if src[o] != '[' {
					continue
				}
				if skip > 0 {
					skip--
					continue
				}
				offset = o
				if _, img := n.(*ast.Image); img && o > 0 && src[o-1] == '!' {
					offset--
				}
				break
			}
		}
	}
	for p := n; offset < 0 && p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			offset = p.Lines().At(0).Start
		}
	}
	return offset
}

// renameReserved gives a new id to any heading whose explicit id the page
// around the body already uses.
func renameReserved(doc *ast.Document, taken map[string]bool, pc parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if v, ok := h.AttributeString("id"); ok {
			if id, ok := v.([]byte); ok && taken[string(id)] {
				h.SetAttributeString("id", pc.IDs().Generate(id, ast.KindHeading))
			}
		}
		return ast.WalkContinue, nil
	})
}

// gfm is GitHub-flavoured Markdown (extension.GFM) with table cells aligned
// by the align attribute rather than a style attribute, which the pages'
// Content-Security-Policy (no inline styles) would block.
func gfm() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.TaskList,
	}
}
