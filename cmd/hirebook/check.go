package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/guard"
)

func cmdCheck(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts generator.Options
	strict := fs.Bool("strict", false, "exit 1 on warnings too")
	format := fs.String("format", "text", "output format: text, json or github")
	fs.StringVar(&opts.Content, "content", "content", "content folder")
	fs.BoolVar(&opts.Drafts, "drafts", true, "check draft roles' links as if published (the rest of the site is checked as built without drafts)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		return strayArg(stderr, "check", fs, fs.Arg(0))
	}
	if *format != "text" && *format != "json" && *format != "github" {
		say(stderr, msgBadFormat, *format)
		return 2
	}
	opts.Passphrase = os.Getenv(guard.PassphraseEnv) // when set, checked as build checks it
	site, diags := generator.Check(opts)
	if err := printReport(stdout, *format, diags); err != nil {
		say(stderr, "hirebook: %v", err)
		return 1
	}
	errs := len(diags.Errors())
	if errs > 0 || (*strict && len(diags) > 0) {
		say(stderr, msgProblems, errs, plural(errs, "error", "errors"), len(diags)-errs, plural(len(diags)-errs, "warning", "warnings"))
		return 1
	}
	if site != nil && *format == "text" {
		roles, pages := len(site.Roles), len(site.Company)
		checked := fmt.Sprintf(msgChecked, roles, plural(roles, "role", "roles"), pages, plural(pages, "company page", "company pages"))
		if n := len(diags); n == 0 {
			say(stderr, msgCheckOK, opts.Content, checked)
		} else {
			say(stderr, msgCheckWarned, opts.Content, n, plural(n, "warning", "warnings"), checked)
		}
	}
	return 0
}

// jsonDiagnostic is one problem in --format json.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Key      string `json:"key"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

func printReport(w io.Writer, format string, diags content.Diagnostics) error {
	switch format {
	case "json":
		out := make([]jsonDiagnostic, 0, len(diags))
		for _, d := range diags {
			out = append(out, jsonDiagnostic{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Key, d.Rule, d.Message})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "github":
		for _, d := range diags {
			msg := d.Message
			if d.Key != "" {
				msg = d.Key + ": " + msg
			}
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", d.Severity, ghProp(d.Pos.File), d.Pos.Line, d.Pos.Col, ghProp(d.Rule), ghData(msg))
		}
		return nil
	}
	for _, d := range diags {
		fmt.Fprintln(w, d.Error())
	}
	return nil
}

// ghData and ghProp escape GitHub Actions workflow command values.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
