package content_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator/content"
)

// minimalSite is a valid site.yaml with nothing but the required keys.
const minimalSite = "title: Careers\ncompany:\n  name: Example Co\nbase_url: https://example.org/\n"

// loadRole loads a site holding one role file, roles/r.md, with the given
// bytes, and returns the role (nil when it could not be read) and every
// diagnostic.
func loadRole(t *testing.T, role []byte) (*content.Role, content.Diagnostics) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":  {Data: []byte(minimalSite)},
		"roles/r.md": {Data: role},
	}
	site, diags := content.Load(fsys, content.Options{})
	if site == nil {
		t.Fatalf("site.yaml was not read: %v", diags)
	}
	for _, r := range site.Roles {
		if r.Slug == "r" {
			return r, diags
		}
	}
	return nil, diags
}

// want is the part of a diagnostic a test pins down. Msg, when set, must
// appear in the message.
type want struct {
	Line, Col int
	Key, Rule string
	Msg       string
}

func checkDiags(t *testing.T, got content.Diagnostics, file string, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if g.Pos.File != file || g.Pos.Line != w.Line || g.Pos.Col != w.Col || g.Key != w.Key || g.Rule != w.Rule {
			t.Errorf("diagnostic %d = %s:%d:%d key %q rule %q, want %s:%d:%d key %q rule %q (%s)",
				i, g.Pos.File, g.Pos.Line, g.Pos.Col, g.Key, g.Rule, file, w.Line, w.Col, w.Key, w.Rule, g.Message)
		}
		if g.Severity != content.Error {
			t.Errorf("diagnostic %d is a %s, want an error", i, g.Severity)
		}
		if w.Msg != "" && !strings.Contains(g.Message, w.Msg) {
			t.Errorf("diagnostic %d message %q does not say %q", i, g.Message, w.Msg)
		}
	}
}

func TestReadingRules(t *testing.T) {
	head := "---\ntitle: Big\nkpos: [{title: Ship it}]\n---\n"
	exact := head + strings.Repeat("x", content.MaxFileSize-len(head))
	big := append([]byte("---\ntitle: Big\nkpos: [{title: Ship it}]\n---\n"), bytes.Repeat([]byte("word "), content.MaxFileSize/5+1)...)
	tests := []struct {
		name  string
		file  string
		wants []want
		// unread: the file cannot be read at all, so no role comes back.
		unread bool
		role   func(t *testing.T, r *content.Role) // optional checks on a role read without errors
	}{
		{
			name: "byte-order mark is ignored",
			file: "\xef\xbb\xbf---\ntitle: Analyst\nkpos:\n  - title: Ship the report\n---\nBody.\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Title != "Analyst" {
					t.Errorf("title = %q, want Analyst", r.Title)
				}
				if p := r.Keys["title"]; p.Line != 2 || p.Col != 8 { // its value, after "title: "
					t.Errorf("title at %d:%d, want 2:8", p.Line, p.Col)
				}
			},
		},
		{
			name: "CRLF line endings",
			file: "---\r\ntitle: Analyst\r\nsummary: Two words\r\nkpos:\r\n  - title: Ship the report\r\n    timeframe: 90 days\r\n---\r\nFirst line.\r\nSecond line.\r\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Title != "Analyst" || r.Summary != "Two words" || r.KPOs[0].Timeframe != "90 days" {
					t.Errorf("role read as %q / %q / %q", r.Title, r.Summary, r.KPOs[0].Timeframe)
				}
				if bytes.Contains(r.Body, []byte("\r")) {
					t.Errorf("body keeps carriage returns: %q", r.Body)
				}
				if r.BodyLine != 8 {
					t.Errorf("body starts on line %d, want 8", r.BodyLine)
				}
			},
		},
		{
			name: "quoted and unquoted dates",
			file: "---\ntitle: A\nkpos: [{title: B}]\nposted: 2026-11-01\ncloses: \"2026-12-15\"\n---\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Posted.String() != "2026-11-01" || r.Closes.String() != "2026-12-15" {
					t.Errorf("posted %s closes %s, want 2026-11-01 and 2026-12-15", r.Posted, r.Closes)
				}
			},
		},
		{
			name: "single-quoted date and a date-time",
			file: "---\ntitle: A\nkpos: [{title: B}]\nposted: '2026-11-01'\ncloses: 2026-12-15T17:00:00Z\n---\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Posted.String() != "2026-11-01" || r.Closes.String() != "2026-12-15" {
					t.Errorf("posted %s closes %s, want 2026-11-01 and 2026-12-15", r.Posted, r.Closes)
				}
			},
		},
		{
			name:  "date that does not exist",
			file:  "---\ntitle: A\nkpos: [{title: B}]\nposted: 2026-02-30\n---\n",
			wants: []want{{Line: 4, Col: 9, Key: "posted", Rule: "value", Msg: "2026-02-30"}},
		},
		{
			name:  "quoted date that does not exist",
			file:  "---\ntitle: A\nkpos: [{title: B}]\ncloses: \"2026-02-30\"\n---\n",
			wants: []want{{Line: 4, Col: 9, Key: "closes", Rule: "value"}},
		},
		{
			name:  "year zero, which would read as no date",
			file:  "---\ntitle: A\nkpos: [{title: B}]\ncloses: 0000-01-01\n---\n",
			wants: []want{{Line: 4, Col: 9, Key: "closes", Rule: "value", Msg: "before 1900"}},
		},
		{
			name:  "date in another format",
			file:  "---\ntitle: A\nkpos: [{title: B}]\nposted: 11/01/2026\n---\n",
			wants: []want{{Line: 4, Col: 9, Key: "posted", Rule: "value"}},
		},
		{
			name:  "duplicate top-level key",
			file:  "---\ntitle: A\nkpos: [{title: B}]\ntitle: C\n---\n",
			wants: []want{{Line: 4, Col: 1, Key: "title", Rule: "duplicate-key"}},
		},
		{
			name:  "duplicate nested key",
			file:  "---\ntitle: A\nsalary:\n  min: 1\n  max: 2\n  min: 3\n  currency: USD\nkpos: [{title: B}]\n---\n",
			wants: []want{{Line: 6, Col: 3, Key: "salary.min", Rule: "duplicate-key"}},
		},
		{
			name:  "duplicate key in a list item",
			file:  "---\ntitle: A\nkpos:\n  - title: B\n    outcome: C\n    title: D\n---\n",
			wants: []want{{Line: 6, Col: 5, Key: "kpos[0].title", Rule: "duplicate-key"}},
		},
		{
			name:  "duplicate key under internal",
			file:  "---\ntitle: A\nkpos: [{title: B}]\ninternal:\n  notes: one\n  notes: two\n---\n",
			wants: []want{{Line: 6, Col: 3, Key: "internal.notes", Rule: "duplicate-key"}},
		},
		{
			name:  "duplicate key of a mapping that defaults also set",
			file:  "---\ntitle: A\nkpos: [{title: B}]\nfeedback: {promise: x}\nfeedback: {promise: y}\n---\n",
			wants: []want{{Line: 5, Col: 1, Key: "feedback", Rule: "duplicate-key"}},
		},
		{
			name:   "front-matter never closed",
			file:   "---\ntitle: A\nkpos: [{title: B}]\n\nBody text.\n",
			wants:  []want{{Line: 1, Col: 1, Rule: "front-matter-unclosed"}},
			unread: true,
		},
		{
			name:   "TOML front-matter never closed",
			file:   "+++\ntitle = \"A\"\n",
			wants:  []want{{Line: 1, Col: 1, Rule: "front-matter-unclosed"}},
			unread: true,
		},
		{
			name:   "front-matter never closed after blank lines",
			file:   "\n\n---\ntitle: A\n",
			wants:  []want{{Line: 3, Col: 1, Rule: "front-matter-unclosed"}},
			unread: true,
		},
		{
			name:   "not UTF-8",
			file:   "---\ntitle: Caf\xe9\nkpos: [{title: B}]\n---\n",
			wants:  []want{{Line: 2, Col: 11, Key: "title", Rule: "not-utf8", Msg: "(byte 0xE9 here): save it as UTF-8"}},
			unread: true,
		},
		{
			name:   "not UTF-8 in a nested key, after other text",
			file:   "\xef\xbb\xbf---\r\ntitle: Café\r\nkpos:\r\n  - title: Zoë\r\n    outcome: Caf\xe9\r\n---\r\n",
			wants:  []want{{Line: 5, Col: 17, Key: "kpos[0].outcome", Rule: "not-utf8"}},
			unread: true,
		},
		{
			name:   "not UTF-8 in the body",
			file:   "---\ntitle: A\n---\nkpos: Caf\xe9\n",
			wants:  []want{{Line: 4, Col: 10, Rule: "not-utf8"}},
			unread: true,
		},
		{
			name:   "not UTF-8 in TOML",
			file:   "+++\ntitle = \"Caf\xe9\"\n+++\n",
			wants:  []want{{Line: 2, Col: 13, Rule: "not-utf8"}},
			unread: true,
		},
		{
			name: "exactly 1 MiB",
			file: string(exact),
			role: func(t *testing.T, r *content.Role) {
				if len(r.Body) == 0 {
					t.Error("no body")
				}
			},
		},
		{
			name:   "over 1 MiB",
			file:   string(big),
			wants:  []want{{Line: 1, Col: 1, Rule: "file-too-large"}},
			unread: true,
		},
		{
			name:  "unknown key with a suggestion",
			file:  "---\ntitle: A\nkpo:\n  - title: B\n---\n",
			wants: []want{{Line: 3, Col: 1, Key: "kpo", Rule: "unknown-key", Msg: `did you mean "kpos"?`}},
		},
		{
			name:  "unknown key work_mod",
			file:  "---\ntitle: A\nkpos: [{title: B}]\nwork_mod: remote\n---\n",
			wants: []want{{Line: 4, Col: 1, Key: "work_mod", Rule: "unknown-key", Msg: `did you mean "work_mode"?`}},
		},
		{
			name:  "unknown nested key",
			file:  "---\ntitle: A\nkpos:\n  - title: B\n    timefrane: 90 days\n---\n",
			wants: []want{{Line: 5, Col: 5, Key: "kpos[0].timefrane", Rule: "unknown-key", Msg: `did you mean "timeframe"?`}},
		},
		{
			name:  "unknown key without a likely match",
			file:  "---\ntitle: A\nkpos: [{title: B}]\nzzzzzz: 1\n---\n",
			wants: []want{{Line: 4, Col: 1, Key: "zzzzzz", Rule: "unknown-key"}},
		},
		{
			name: "unknown keys allowed under params and internal",
			file: "---\ntitle: A\nkpos: [{title: B}]\nparams:\n  hero: x.png\n  nested: {any: [1, 2]}\ninternal:\n  notes: secret\n  budget_code: 7\n---\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Params["hero"] != "x.png" || r.Internal["notes"] != "secret" || r.Internal["budget_code"] != 7 {
					t.Errorf("params %v internal %v", r.Params, r.Internal)
				}
			},
		},
		{
			name:  "blank lines before the front-matter",
			file:  "\n\n\n---\ntitle: A\nkpos:\n  - title: B\n    timefrane: x\n---\nBody\n",
			wants: []want{{Line: 8, Col: 5, Key: "kpos[0].timefrane", Rule: "unknown-key"}},
		},
		{
			// yaml.v3 counts parser error lines from 0: the flow list
			// opens on line 4, at its bracket.
			name:   "YAML flow list never closed",
			file:   "\n---\ntitle: A\nkpos: [{title: B}\n---\n",
			wants:  []want{{Line: 4, Col: 7, Rule: "yaml-syntax", Msg: "']'"}},
			unread: true,
		},
		{
			name:   "YAML key out of line",
			file:   "---\ntitle: A\nkpos:\n  - title: B\n timeframe: x\n---\n",
			wants:  []want{{Line: 5, Col: 2, Key: "kpos[0].timeframe", Rule: "yaml-syntax", Msg: "not in line with title on line 4: check the indentation"}},
			unread: true,
		},
		{
			// The error points at the bracket that is never closed.
			name:   "YAML list opened on the first line never closed",
			file:   "---\n[a, b\n---\n",
			wants:  []want{{Line: 2, Col: 1, Rule: "yaml-syntax"}},
			unread: true,
		},
		{
			name:   "YAML mapping value in the wrong place",
			file:   "---\ntitle: A\nsummary: a: b\n---\n",
			wants:  []want{{Line: 3, Col: 10, Key: "summary", Rule: "yaml-syntax", Msg: `a value that contains ": " must be quoted, e.g. summary: "a: b"`}},
			unread: true,
		},
		{
			name:   "YAML tab indentation",
			file:   "---\ntitle: A\nkpos:\n\t- title: B\n---\n",
			wants:  []want{{Line: 4, Col: 1, Key: "kpos[0].title", Rule: "yaml-syntax", Msg: "YAML indents with spaces, not tabs"}},
			unread: true,
		},
		{
			name:   "front-matter that is not a mapping",
			file:   "---\n- a\n- b\n---\n",
			wants:  []want{{Line: 2, Col: 1, Rule: "front-matter"}},
			unread: true,
		},
		{
			name:  "wrong type",
			file:  "---\ntitle: [A, B]\nkpos: B\n---\n",
			wants: []want{{Line: 2, Col: 8, Key: "title", Rule: "type"}, {Line: 3, Col: 7, Key: "kpos", Rule: "type"}},
		},
		{
			name: "no front-matter at all",
			file: "Just a body.\n",
			// The file is read; the missing title and KPOs are check's business.
			role: func(t *testing.T, r *content.Role) {
				if string(r.Body) != "Just a body.\n" || r.BodyLine != 1 {
					t.Errorf("body %q on line %d", r.Body, r.BodyLine)
				}
			},
		},
		{
			name:   "TOML duplicate key",
			file:   "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
			wants:  []want{{Line: 3, Col: 13, Rule: "toml-syntax"}}, // where the TOML reader noticed
			unread: true,
		},
		{
			name:   "TOML syntax error, with its column",
			file:   "+++\ntitle = \"A\"\nteam = Sales\n+++\n",
			wants:  []want{{Line: 3, Col: 8, Rule: "toml-syntax"}},
			unread: true,
		},
		{
			name:  "TOML unknown key",
			file:  "+++\ntitle = \"A\"\n\n[salary]\nmin = 1\nmaximum = 2\ncurrency = \"USD\"\n\n[[kpos]]\ntitle = \"B\"\n+++\n",
			wants: []want{{Line: 6, Col: 1, Key: "salary.maximum", Rule: "unknown-key", Msg: `did you mean "max"?`}},
		},
		{
			name:  "TOML date that does not exist",
			file:  "+++\ntitle = \"A\"\nposted = \"2026-02-30\"\n[[kpos]]\ntitle = \"B\"\n+++\n",
			wants: []want{{Line: 3, Col: 10, Key: "posted", Rule: "value"}}, // at the value, as in YAML
		},
		{
			name: "TOML dates quoted and unquoted",
			file: "+++\ntitle = \"A\"\nposted = 2026-11-01\ncloses = \"2026-12-15\"\n[[kpos]]\ntitle = \"B\"\n+++\n",
			role: func(t *testing.T, r *content.Role) {
				if r.Posted.String() != "2026-11-01" || r.Closes.String() != "2026-12-15" {
					t.Errorf("posted %s closes %s", r.Posted, r.Closes)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, diags := loadRole(t, []byte(tt.file))
			// Required keys are check's business, not the loader's.
			checkDiags(t, diags, "roles/r.md", tt.wants)
			if tt.unread != (r == nil) {
				t.Errorf("role read = %v, want %v", r != nil, !tt.unread)
			}
			if tt.role != nil && r != nil {
				tt.role(t, r)
			}
		})
	}
}

// Front-matter nested far too deep is a syntax error on its line, found
// quickly and in little memory (placing it must not parse it again in a
// way that grows with the square of the depth).
func TestDeepNestingIsAnErrorOnItsLine(t *testing.T) {
	deep := "---\ntitle: Deep\nparams: " + strings.Repeat("[", 60000) + strings.Repeat("]", 60000) + "\n---\nBody.\n"
	r, diags := loadRole(t, []byte(deep))
	if r != nil {
		t.Fatal("a role nested 60,000 deep was read")
	}
	checkDiags(t, diags, "roles/r.md", []want{{Line: 3, Col: 1, Rule: "yaml-syntax", Msg: "depth"}})
}

// Block lists nested far too deep are placed the same way, without the
// second parse.
func TestDeepBlockNestingIsAnErrorOnItsLine(t *testing.T) {
	deep := "---\ntitle: Deep\nparams:\n  x:\n  " + strings.Repeat("- ", 20000) + "a\n---\nBody.\n"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r, diags := loadRole(t, []byte(deep))
	runtime.ReadMemStats(&after)
	if r != nil {
		t.Fatal("a role nested 20,000 deep was read")
	}
	// A second parse to place the error took about 600 MB here.
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 100 {
		t.Errorf("reading a 40 KB file allocated %d MB", mb)
	}
	checkDiags(t, diags, "roles/r.md", []want{{Line: 4, Col: 1, Rule: "yaml-syntax", Msg: "depth"}})
}

// YAML that does not parse is reported where it is wrong, under the key
// the line was meant to have, with what to change: a key indented too far
// or not far enough, a tab, a value holding ": ", text after a closing
// quote, a list item out of line.
func TestYAMLSyntaxSaysWhatToChange(t *testing.T) {
	role := "---\ntitle: Customer Support Lead\nsummary: Lead a team\nkpos:\n  - id: handoffs\n" +
		"    title: Rework hand-offs\n    outcome: A routine\n    timeframe: first 90 days\n    probes:\n      - How?\n      - Who?\n---\nBody.\n"
	tests := []struct {
		name, old, new string
		want           string
	}{
		{"outcome indented two spaces too far", "    outcome:", "      outcome:",
			"roles/r.md:7:7: error: kpos[0].outcome: indented further than title on line 6, so YAML reads it as more of title's text: line it up with title [yaml-syntax]"},
		{"outcome indented one space too few", "    outcome:", "   outcome:",
			"roles/r.md:7:4: error: kpos[0].outcome: not in line with title on line 6: check the indentation (the keys of one mapping start in the same column) [yaml-syntax]"},
		{"a key indented under a plain value", "summary: Lead a team\n", "summary: Lead a team\n  team: Support\n",
			"roles/r.md:4:3: error: team: indented further than summary on line 3, so YAML reads it as more of summary's text: line it up with summary [yaml-syntax]"},
		{"tab indentation", "    outcome:", "\t  outcome:",
			"roles/r.md:7:1: error: kpos[0].outcome: this line is indented with a tab: YAML indents with spaces, not tabs [yaml-syntax]"},
		{"tab indentation of a first key", "  - id: handoffs\n", "\t- id: handoffs\n",
			"roles/r.md:5:1: error: kpos[0].id: this line is indented with a tab: YAML indents with spaces, not tabs [yaml-syntax]"},
		{"a value that holds a colon", "summary: Lead a team", "summary: Lead: a team",
			`roles/r.md:3:10: error: summary: a value that contains ": " must be quoted, e.g. summary: "Lead: a team" [yaml-syntax]`},
		{"a nested value that holds a colon and a backslash", "    title: Rework hand-offs", `    title: Rework C:\hand-offs: now # why`,
			`roles/r.md:6:12: error: kpos[0].title: a value that contains ": " must be quoted, e.g. title: 'Rework C:\hand-offs: now' [yaml-syntax]`},
		{"text after a closing quote", "summary: Lead a team", `summary: "Lead the team" across zones`,
			`roles/r.md:3:26: error: summary: the text after the closing quote must be inside the quotes, e.g. summary: "Lead the team across zones" [yaml-syntax]`},
		{"text after a closing single quote", "    timeframe: first 90 days", `    timeframe: 'it''s' "soon"`,
			`roles/r.md:8:24: error: kpos[0].timeframe: the text after the closing quote must be inside the quotes, e.g. timeframe: 'it''s "soon"' [yaml-syntax]`},
		{"a list item out of line", "      - Who?", "     - Who?",
			"roles/r.md:11:6: error: kpos[0].probes: not in line with the list item on line 10: check the indentation (the items of one list start in the same column) [yaml-syntax]"},
		{"a list item with a key, one space too far", "      - Who?\n", "      - Who?\n   - id: month-end\n    title: Month end\n",
			"roles/r.md:12:4: error: kpos: not in line with the list item on line 5: check the indentation (the items of one list start in the same column) [yaml-syntax]"},
		{"a list item with a key, one space too few", "      - Who?\n", "      - Who?\n - id: month-end\n    title: Month end\n",
			"roles/r.md:12:2: error: kpos: not in line with the list item on line 5: check the indentation (the items of one list start in the same column) [yaml-syntax]"},
		{"a list item with a key after a second item", "      - Who?\n", "      - Who?\n  - id: month-end\n    title: Month end\n   - id: coaching\n    title: Coach\n",
			"roles/r.md:14:4: error: kpos: not in line with the list item on line 12: check the indentation (the items of one list start in the same column) [yaml-syntax]"},
		{"text after a closing quote that begins with a comma", "title: Customer Support Lead", `title: "Customer Support Lead", Tier 2 # the tier`,
			`roles/r.md:2:31: error: title: the text after the closing quote must be inside the quotes, e.g. title: "Customer Support Lead, Tier 2" [yaml-syntax]`},
		{"a line with no key", "summary: Lead a team\n", "summary: Lead a team\nteam Support\n",
			`roles/r.md:4:1: error: expected "key: value" here: text or a list item that belongs to a key goes under it, indented [yaml-syntax]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := strings.Replace(role, tt.old, tt.new, 1)
			if file == role {
				t.Fatalf("%q is not in the role", tt.old)
			}
			_, d := content.Split("roles/r.md", []byte(file))
			if d == nil {
				t.Fatal("the role was read")
			}
			if got := d.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if _, d := content.Split("roles/r.md", []byte(role)); d != nil {
		t.Errorf("the role as written: %v", d)
	}
}

// site.yaml, which has no delimiter line, gets the same help, at its own
// lines.
func TestSiteYAMLSyntaxSaysWhatToChange(t *testing.T) {
	for site, want := range map[string]string{
		minimalSite + "timezone: Chicago: US\n":              `site.yaml:5:11: error: timezone: a value that contains ": " must be quoted, e.g. timezone: "Chicago: US" [yaml-syntax]`,
		strings.Replace(minimalSite, "  name", "\tname", 1):  "site.yaml:3:1: error: company.name: this line is indented with a tab: YAML indents with spaces, not tabs [yaml-syntax]",
		minimalSite + "guides:\n  protect: omit\n    x: y\n": "site.yaml:7:5: error: guides.x: indented further than protect on line 6, so YAML reads it as more of protect's text: line it up with protect [yaml-syntax]",
	} {
		_, diags := content.Load(fstest.MapFS{"site.yaml": {Data: []byte(site)}}, content.Options{})
		if got := diags.Error(); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}
