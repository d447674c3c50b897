package content

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// tomlToNode turns decoded TOML into the same node tree YAML gives, so one
// decoder serves both formats. BurntSushi/toml keeps no key positions, so a
// key's line is found in the source: its `key =` line or its table header,
// searched from its parent's line on.
func tomlToNode(m map[string]any, md toml.MetaData, src []byte, offset int) *yaml.Node {
	t := &tomlConv{order: map[string]int{}, lines: strings.Split(string(src), "\n"), offset: offset}
	for i, k := range md.Keys() {
		if _, ok := t.order[k.String()]; !ok {
			t.order[k.String()] = i
		}
	}
	n := t.value("", m, 0)
	n.Line, n.Column = offset+1, 1
	return n
}

type tomlConv struct {
	order  map[string]int
	lines  []string
	offset int
}

func (t *tomlConv) value(path string, v any, from int) *yaml.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return t.rank(join(path, keys[i]), keys[i]) < t.rank(join(path, keys[j]), keys[j])
		})
		for _, k := range keys {
			line := t.find(path, k, from)
			keyCol, valCol := t.columns(line, k)
			kn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: line + t.offset, Column: keyCol}
			vn := t.value(join(path, k), v[k], line)
			if vn.Line == 0 {
				vn.Line, vn.Column = kn.Line, valCol
			}
			n.Content = append(n.Content, kn, vn)
		}
		return n
	case []map[string]any:
		items := make([]any, len(v))
		for i := range v {
			items[i] = v[i]
		}
		return t.value(path, items, from)
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		header := regexp.MustCompile(`^\s*\[\[\s*` + regexp.QuoteMeta(path) + `\s*\]\]`)
		at := from
		for _, item := range v {
			if l := t.search(header, at); l > 0 {
				at = l
			}
			c := t.value(path, item, at)
			if c.Line == 0 || c.Kind == yaml.MappingNode {
				c.Line, c.Column = at+t.offset, 1
			}
			n.Content = append(n.Content, c)
			at++
		}
		return n
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(v)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: fmt.Sprint(v)}
	case time.Time:
		layout := time.RFC3339
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			layout = "2006-01-02"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Format(layout)}
	default:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fmt.Sprint(v)}
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func (t *tomlConv) rank(full, k string) string {
	if i, ok := t.order[full]; ok {
		return fmt.Sprintf("%08d", i)
	}
	return "~" + k
}

// find returns the 1-based line (within the block) that defines key k of
// the table at path, searching from line from.
func (t *tomlConv) find(path, k string, from int) int {
	q := regexp.QuoteMeta(k)
	if l := t.search(regexp.MustCompile(`^\s*("?)`+q+`("?)\s*=`), from); l > 0 {
		return l
	}
	if l := t.search(regexp.MustCompile(`^\s*\[\[?\s*`+regexp.QuoteMeta(join(path, k))+`\s*\]\]?`), from); l > 0 {
		return l
	}
	return from
}

// columns returns the columns of key k and of its value on line (1-based,
// within the block), where it is written k = value; 1 and 1 when it is
// not (a table header, or a key the search did not find on its line).
func (t *tomlConv) columns(line int, k string) (keyCol, valCol int) {
	if line < 1 || line > len(t.lines) {
		return 1, 1
	}
	l := t.lines[line-1]
	re := regexp.MustCompile(`(?:^|[\s{,])(["']?` + regexp.QuoteMeta(k) + `["']?)\s*=[ \t]*`)
	m := re.FindStringSubmatchIndex(l)
	if m == nil {
		return 1, 1
	}
	return utf8.RuneCountInString(l[:m[2]]) + 1, utf8.RuneCountInString(l[:m[1]]) + 1
}

func (t *tomlConv) search(re *regexp.Regexp, from int) int {
	if from < 1 {
		from = 1
	}
	for i := from - 1; i < len(t.lines); i++ {
		if re.MatchString(t.lines[i]) {
			return i + 1
		}
	}
	return 0
}
