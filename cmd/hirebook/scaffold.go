package main

import (
	"context"
	"flag"
	"io"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/scaffold"
)

// defaultVersion is the release a new site's workflow pins when this
// binary was not built from a tagged module version.
const defaultVersion = "v0.1.0"

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return defaultVersion
}

// release is a version `go run module@version` can fetch for anyone: a
// tagged release, not a pseudo-version of a local commit or a +dirty build.
var release = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// pinnedVersion is the version a new site's workflow runs.
func pinnedVersion(v string) string {
	if release.MatchString(v) {
		return v
	}
	return defaultVersion
}

func cmdInit(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	force := fs.Bool("force", false, "add the site to a folder that already has files (never overwrites one; adds hirebook's lines to a .gitignore)")
	company := fs.String("company", "Example Co", "the hiring organization's name")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		return strayArg(stderr, "init", fs, fs.Arg(1))
	}
	dir := "."
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	if strings.TrimSpace(*company) == "" {
		say(stderr, msgNoCompany)
		return 2
	}
	done, err := scaffold.Init(dir, scaffold.SiteData{Company: *company, Version: pinnedVersion(version())}, *force)
	for _, w := range done {
		switch w.Action {
		case scaffold.Wrote:
			say(stdout, msgWrote, w.Path)
		case scaffold.Appended:
			say(stdout, msgInitAppended, len(w.Lines), plural(len(w.Lines), "line", "lines"), w.Path, strings.Join(w.Lines, " "))
		case scaffold.Kept:
			if filepath.Base(w.Path) == ".gitignore" {
				say(stdout, msgInitKeptIgnore, w.Path)
			} else {
				say(stdout, msgInitKept, w.Path)
			}
		case scaffold.KeptSite:
			say(stdout, msgInitKeptSite, w.Path)
		}
	}
	if err != nil {
		say(stderr, "hirebook init: %v", err)
		return 1
	}
	say(stdout, msgInitNext, dir)
	return 0
}

func cmdNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "content folder (with site.yaml)")
	slug := fs.String("slug", "", "the role's file name, roles/SLUG.md, in lower-case letters, digits and hyphens (made from the title when not given)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() < 2 || fs.Arg(0) != "role" {
		say(stderr, msgNewUsage)
		return 2
	}
	if fs.NArg() > 2 {
		// new role Payroll Specialist, or Senior UX/UI Designer: the title
		// is one argument. Only an existing folder as the last argument
		// was meant for --content.
		if extra := fs.Arg(2); flagName(extra) == "" && (fs.NArg() > 3 || !isDir(extra)) {
			say(stderr, msgNewQuote, extra, shellQuote(strings.Join(fs.Args()[1:], " ")))
			return 2
		}
		return strayArg(stderr, "new", fs, fs.Arg(2))
	}
	if *slug != "" {
		if problem := scaffold.SlugProblem(*slug); problem != "" {
			say(stderr, msgBadSlug, problem)
			return 2
		}
	}
	out, err := scaffold.NewRole(*dir, fs.Arg(1), *slug, time.Now())
	if err != nil {
		say(stderr, "hirebook new: %v", err)
		return 1
	}
	say(stdout, msgWrote, out)
	if left := scaffold.LeftOut(fs.Arg(1)); *slug == "" && left != "" {
		// new role "C#" writes c.md: say so, as --slug C# would be refused.
		say(stderr, msgNewLeftOut, filepath.Base(out), left, fs.Arg(1))
	}
	return 0
}
