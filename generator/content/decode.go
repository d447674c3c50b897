package content

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Keys records where each front-matter key was written, by key path
// (kpos[0].title): where its value starts when that is a single value, so
// diagnostics about a value point at the value, as the decoder's own do;
// where the key starts when the value is a list, a mapping or empty.
type Keys map[string]Pos

// scalar is implemented by types decoded from a single scalar value.
type scalar interface {
	decodeScalar(value string) error
}

// maxNodes bounds how many nodes one document may expand to through
// aliases, so a few anchors cannot make a decode explode.
const maxNodes = 100_000

// decoder fills Go structs from a node tree, recording the position of
// every key and collecting every problem rather than stopping at the first.
type decoder struct {
	file   string
	origin map[*yaml.Node]string // nodes that came from another file
	diags  *Diagnostics
	keys   Keys
	budget int
	fields *fieldCache
}

func newDecoder(file string, origin map[*yaml.Node]string, diags *Diagnostics, fields *fieldCache) *decoder {
	return &decoder{file: file, origin: origin, diags: diags, keys: Keys{}, budget: maxNodes, fields: fields}
}

// fieldCache keeps fieldsOf for each struct type, so the thousands of
// roles of a site list their fields once. Its maps are never changed once
// stored, so decoders on many goroutines share them.
type fieldCache struct{ m sync.Map }

func (c *fieldCache) of(t reflect.Type) map[string]int {
	if v, ok := c.m.Load(t); ok {
		return v.(map[string]int)
	}
	f := fieldsOf(t)
	c.m.Store(t, f)
	return f
}

func (d *decoder) pos(n *yaml.Node) Pos {
	f := d.file
	if o, ok := d.origin[n]; ok {
		f = o
	}
	return Pos{File: f, Line: n.Line, Col: n.Column}
}

// valuePos is where Keys places key k: at its value val when that is a
// single value (or an alias of one), else at the key.
func (d *decoder) valuePos(k, val *yaml.Node) Pos {
	v := val
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind != yaml.ScalarNode || isNull(v) || val.Line == 0 {
		return d.pos(k)
	}
	return d.pos(val)
}

func (d *decoder) fail(n *yaml.Node, key, rule, format string, args ...any) {
	d.diags.Add(d.pos(n), key, rule, format, args...)
}

var (
	nodeType = reflect.TypeOf((*yaml.Node)(nil))
	anyMap   = reflect.TypeOf(map[string]any(nil))
	scalarT  = reflect.TypeOf((*scalar)(nil)).Elem()
)

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// decode stores node n into v, whose key path is path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if d.budget--; d.budget < 0 {
		if d.budget == -1 {
			d.fail(n, path, "yaml-too-large", "front-matter expands to more than %d values (too many aliases?)", maxNodes)
		}
		return
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	t := v.Type()
	switch {
	case t == nodeType:
		v.Set(reflect.ValueOf(n))
		return
	case isNull(n):
		return
	case t == anyMap:
		d.freeForm(n, v, path)
		return
	case reflect.PointerTo(t).Implements(scalarT):
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "type", "expected a single value, found %s", kindName(n))
			return
		}
		if err := v.Addr().Interface().(scalar).decodeScalar(n.Value); err != nil {
			d.fail(n, path, "value", "%v", err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.mapping(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "type", "expected a list, found %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			d.keys[p] = d.pos(c)
			d.decode(c, s.Index(i), p)
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "type", "expected text, found %s", kindName(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			d.fail(n, path, "type", "expected true or false, found %s", kindName(n))
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, 64)
		if n.Kind == yaml.ScalarNode && errors.Is(err, strconv.ErrRange) {
			d.fail(n, path, "value", "%s", outOfRange(n.Value, true))
			return
		}
		if n.Kind != yaml.ScalarNode || err != nil {
			d.fail(n, path, "type", "expected a whole number, found %s", kindName(n))
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if n.Kind == yaml.ScalarNode && errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0) {
			d.fail(n, path, "value", "%s", outOfRange(n.Value, false))
			return
		}
		if n.Kind != yaml.ScalarNode || err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			// Only finite numbers: a page cannot show infinity as pay, and
			// structured data cannot encode it.
			d.fail(n, path, "type", "expected a number, found %s", kindName(n))
			return
		}
		v.SetFloat(f)
	default:
		d.fail(n, path, "type", "cannot read a value of type %s", t)
	}
}

// outOfRange says that number, a whole number when whole, is one but does
// not fit, and what does: it is not a mistake of type.
func outOfRange(number string, whole bool) string {
	neg := strings.HasPrefix(number, "-")
	switch {
	case whole && neg:
		return fmt.Sprintf("%s is too small: a whole number here is at least %d", number, int64(math.MinInt64))
	case whole:
		return fmt.Sprintf("%s is too large: a whole number here is at most %d", number, int64(math.MaxInt64))
	case neg:
		return fmt.Sprintf("%s is too small: a number here is at least about %.1e", number, -math.MaxFloat64)
	}
	return fmt.Sprintf("%s is too large: a number here is at most about %.1e", number, math.MaxFloat64)
}

// mapping decodes a mapping node into a struct by its yaml tags; unknown
// and duplicate keys are errors.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "type", "expected a mapping of keys to values, found %s", kindName(n))
		return
	}
	fields := d.fields.of(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		p := join(path, k.Value)
		if !d.plainKey(k, path) {
			continue
		}
		if seen[k.Value] {
			d.fail(k, p, "duplicate-key", "key is set twice in the same mapping")
			continue
		}
		seen[k.Value] = true
		idx, ok := fields[k.Value]
		if !ok {
			names := make([]string, 0, len(fields))
			for name := range fields {
				names = append(names, name)
			}
			msg := "unknown key"
			if s := Suggest(k.Value, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			d.fail(k, p, "unknown-key", "%s", msg)
			continue
		}
		d.keys[p] = d.valuePos(k, val)
		d.decode(val, v.Field(idx), p)
	}
}

// freeForm decodes params and internal: any keys, duplicates still refused.
func (d *decoder) freeForm(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "type", "expected a mapping of keys to values, found %s", kindName(n))
		return
	}
	if !d.noDuplicates(n, path) {
		return
	}
	m := map[string]any{}
	if err := n.Decode(&m); err != nil {
		d.fail(n, path, "type", "%v", err)
		return
	}
	v.Set(reflect.ValueOf(m))
}

func (d *decoder) noDuplicates(n *yaml.Node, path string) bool {
	ok := true
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := join(path, k.Value)
			if !d.plainKey(k, path) {
				ok = false
				continue
			}
			if seen[k.Value] {
				d.fail(k, p, "duplicate-key", "key is set twice in the same mapping")
				ok = false
			}
			seen[k.Value] = true
			ok = d.noDuplicates(n.Content[i+1], p) && ok
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			ok = d.noDuplicates(c, fmt.Sprintf("%s[%d]", path, i)) && ok
		}
	}
	return ok
}

// plainKey reports whether k is a key hirebook reads: a plain name, not a
// list or mapping used as a key, nor a YAML merge key (<<), whose values
// would arrive from elsewhere in the file without a line of their own.
func (d *decoder) plainKey(k *yaml.Node, path string) bool {
	switch {
	case k.Kind != yaml.ScalarNode:
		d.fail(k, path, "key", "a key must be a plain name, not %s", kindName(k))
		return false
	case k.Tag == "!!merge":
		d.fail(k, join(path, k.Value), "yaml-merge", "merge keys (<<) are not read: write the values out, or put values many roles share in site.yaml's defaults")
		return false
	}
	return true
}

// fieldsOf maps yaml key names to struct field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		m[name] = i
	}
	return m
}

// Suggest returns the candidate closest to word, or "" when none is close
// enough to be a likely typo.
func Suggest(word string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		dist := levenshtein(strings.ToLower(word), strings.ToLower(c))
		if dist < bestD || (dist == bestD && c < best) {
			best, bestD = c, dist
		}
	}
	limit := 2
	if len(word) > 8 {
		limit = 3
	}
	if bestD <= limit || (best != "" && (strings.HasPrefix(best, word) || strings.HasPrefix(word, best)) && len(word) >= 3) {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
