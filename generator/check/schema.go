package check

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
)

// enums are the value sets a key accepts, by key path.
var enums = map[string]map[string]bool{
	"work_mode": workModes, "status": statuses, "employment_type": employmentTypes,
	"salary.currency": currencies, "salary.period": periods, "traits[]": traits, "kpos[].traits[]": traits,
	"country": countries, "applicant_countries[]": countries, "guides.protect": protects,
}

// descriptions shown by editors as people type.
var descriptions = map[string]string{
	"title":               "The role's title (required).",
	"summary":             "One sentence under the title.",
	"team":                "Team name; the portal groups roles by it.",
	"location":            "Where, as it should be shown.",
	"country":             "ISO 3166-1 alpha-2 country code, for JobPosting.",
	"applicant_countries": "Remote roles: where applicants may live (ISO 3166-1 alpha-2).",
	"work_mode":           "onsite, hybrid or remote.",
	"employment_type":     "schema.org employmentType.",
	"salary":              "Pay range: min, max, currency (ISO 4217), period.",
	"posted":              "Date posted (YYYY-MM-DD); defaults to the file's first commit.",
	"closes":              "Last day of applications (YYYY-MM-DD).",
	"status":              "open, closed or draft.",
	"apply":               "An https: or http: URL or a mailto: address.",
	"aliases":             "Old site-relative paths that redirect here.",
	"kpos":                "Key performance objectives: what the person will accomplish (at least one).",
	"kpos[].title":        "An outcome with scope, e.g. 'Cut the monthly close from 8 to 5 days'.",
	"kpos[].outcome":      "What success looks like.",
	"kpos[].timeframe":    "By when, e.g. 'first 90 days'.",
	"kpos[].traits":       "Remote-work traits to probe on this KPO.",
	"kpos[].probes":       "Extra fact-finding questions for this KPO.",
	"traits":              "Remote-work traits to probe: reliable, independent, collaborative.",
	"development":         "What the company invests in the person's growth.",
	"interviewers":        "The interview loop: name, title and the KPO ids each covers.",
	"reverse_interview":   "The offer of a conversation on the candidate's agenda.",
	"feedback":            "The promise to candidates who do not move forward.",
	"internal":            "Notes for the hiring team only; never on a candidate page.",
	"params":              "Free-form data for themes.",
	"lint":                "Lint settings: ignore: [rule-id].",
	"base_url":            "Absolute URL the site is published at, e.g. https://example.github.io/careers/.",
	"defaults":            "Values every role inherits unless it sets its own.",
}

// Schema returns a JSON Schema (draft 2020-12) for role front-matter
// ("role") or site.yaml ("site"), built from the same structs the loader
// fills, so the two cannot drift apart.
func Schema(kind string) ([]byte, error) {
	var root any
	title := "hirebook role front-matter"
	switch kind {
	case "site":
		title = "hirebook site.yaml"
		root = content.Config{}
	default:
		root = content.Role{}
	}
	s := schemaOf(reflect.TypeOf(root), "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = title
	if kind == "site" {
		s["required"] = []string{"title", "company", "base_url"}
		props := s["properties"].(map[string]any)
		roleProps := schemaOf(reflect.TypeOf(content.Role{}), "")["properties"].(map[string]any)
		for _, k := range content.RoleOnlyKeys {
			delete(roleProps, k) // set on each role, never as a default
		}
		props["defaults"] = map[string]any{"type": "object", "description": descriptions["defaults"], "properties": roleProps, "additionalProperties": false}
	} else {
		s["required"] = []string{"title", "kpos"}
	}
	return json.MarshalIndent(s, "", "  ")
}

// requiredKeys are the keys an object of the schema must have, by path,
// as check requires them.
var requiredKeys = map[string][]string{"salary": {"currency", "period"}, "kpos[]": {"title"}}

// bounds are the least and greatest numbers check accepts, by path.
var bounds = map[string][2]float64{
	"salary.min": {0, MaxAmount}, "salary.max": {0, MaxAmount},
	"reverse_interview.minutes": {0, MaxReverseMinutes},
}

func schemaOf(t reflect.Type, path string) map[string]any {
	out := map[string]any{}
	if d := descriptions[path]; d != "" {
		out["description"] = d
	}
	if set, ok := enums[path]; ok {
		vals := keys(set)
		sort.Strings(vals)
		out["enum"] = vals
	}
	switch {
	case t == reflect.TypeOf(content.Date{}):
		out["type"] = "string"
		out["format"] = "date"
		return out
	case t.Kind() == reflect.Map:
		out["type"] = "object"
		return out
	case t.Kind() == reflect.Pointer:
		if t.Elem().Kind() == reflect.Struct && t.Elem().Name() == "Node" {
			out["type"] = "object"
			return out
		}
		return mergeSchema(out, schemaOf(t.Elem(), path))
	}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			props[name] = schemaOf(f.Type, joinPath(path, name))
		}
		out["type"] = "object"
		out["properties"] = props
		out["additionalProperties"] = false
		if req := requiredKeys[path]; req != nil {
			out["required"] = req
		}
	case reflect.Slice:
		out["type"] = "array"
		out["items"] = schemaOf(t.Elem(), path+"[]")
	case reflect.String:
		out["type"] = "string"
	case reflect.Bool:
		out["type"] = "boolean"
	case reflect.Int, reflect.Int64:
		out["type"] = "integer"
	case reflect.Float64:
		out["type"] = "number"
	}
	if b, ok := bounds[path]; ok {
		out["minimum"], out["maximum"] = b[0], b[1]
	}
	return out
}

func mergeSchema(a, b map[string]any) map[string]any {
	for k, v := range b {
		if _, ok := a[k]; !ok {
			a[k] = v
		}
	}
	return a
}

func joinPath(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}
