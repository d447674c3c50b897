package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
)

// All terminal wording lives here.
const (
	msgUsage = `hirebook builds a careers site from one Markdown file per role.

Usage:
  hirebook build  [--content content] [--out public] [--base-url URL] [--drafts] [--clock YYYY-MM-DD]
                  [--cpuprofile FILE] [--memprofile FILE]
  hirebook serve  [--content content] [--port 1313] [--bind 127.0.0.1] [--drafts=true] [--allow-host NAME]
  hirebook check  [--content content] [--strict] [--format text|json|github] [--drafts=false]
  hirebook schema [role|site]   print a JSON Schema for editors
  hirebook new    [--content content] [--slug SLUG] role "Title"
  hirebook init   [--company NAME] [--force] [DIR]
  hirebook synth  [--roles N] DIR   write a synthetic site, for benchmarks

Run "hirebook COMMAND -h" for a command's flags.`
	msgUnknownCommand = "hirebook: unknown command %q"
	msgBuilt          = "built %d files into %s (%d written, %d unchanged) in %s"
	msgBuildFailed    = "build failed; %s was left as it was"
	msgProblems       = "%d %s, %d %s"
	msgBadClock       = "--clock: %v"
	msgBadBaseURL     = "--base-url: %s"
	msgWatchFailed    = "hirebook: cannot watch for changes (%v); the preview will not rebuild until serve restarts"
	msgProfile        = "--%s: %v"
	msgServing        = "serving the preview at %s (Ctrl+C to stop)"
	msgServeNoSite    = "hint: %s does not exist: point --content at your site's content folder, or start a site with hirebook init"
	msgServeOpen      = "warning: serving on %s makes the preview, guides included, visible to other devices on your network"
	msgBadFormat      = "--format must be text, json or github, not %q"
	msgBadSchema      = "schema: say role or site, not %q"
	msgWrote          = "wrote %s"
	msgInitAppended   = "added %d %s of hirebook's to %s: %s"
	msgInitKept       = "kept %s as it was: it already exists"
	msgInitKeptIgnore = "kept %s as it was: it already has every line of hirebook's"
	msgInitKeptSite   = "kept %s as it was: it already has a site.yaml, so no example role or company page was added"
	msgNoCompany      = "--company must name the hiring organization; it is shown on every page and cannot be empty"
	msgInitNext       = "next: cd %s && hirebook serve; then push to GitHub and set Pages > Source to GitHub Actions"
	msgNewUsage       = "usage: hirebook new [--content content] [--slug SLUG] role \"Title\""
	msgBadSlug        = "--slug: %s"
	msgNewLeftOut     = "note: the file name %s leaves out %q of the title %q; to choose another, delete the file and run hirebook new again with --slug NAME (lower-case letters, digits and hyphens)"
	msgSynthUsage     = "usage: hirebook synth [--roles N] DIR"
	msgSynthRoles     = "--roles must be from 1 to %d, not %d"
	msgSynthWrote     = "wrote a synthetic site of %d roles into %s"
	msgCheckOK        = "%s: no problems found in %s"
	msgCheckWarned    = "%s: no errors, %d %s in %s"
	msgChecked        = "%d %s and %d %s"
	msgStrayArg       = "hirebook %s: unexpected argument %q"
	msgStrayFolder    = "hirebook %s: unexpected argument %q; did you mean --%s %s?"
	msgFlagAfterArgs  = "hirebook %s: unexpected argument %q: flags go before the other arguments"
	msgHelpUnknown    = "hirebook help: unknown command %q"
	msgHelpFlags      = "Run \"hirebook %s -h\" for its flags."
	msgUsageOf        = "usage: %s"
	msgNewQuote       = "hirebook new: unexpected argument %q; quote a title of several words: hirebook new role %s"
)

// description is what follows a command's usage in msgUsage.
var description = regexp.MustCompile(`\s{3,}[a-z][^\[]*$`)

// usageOf is the line of msgUsage for cmd, without its description, or
// "" for a command it does not list.
func usageOf(cmd string) string {
	var words []string
	in := false
	for _, l := range strings.Split(msgUsage, "\n") {
		switch {
		case strings.HasPrefix(l, "  hirebook "+cmd+" "):
			in = true
		case !in || !strings.HasPrefix(l, "    "):
			in = false
			continue
		}
		words = append(words, strings.Fields(description.ReplaceAllString(l, ""))...)
	}
	return strings.Join(words, " ")
}

func say(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, format+"\n", args...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// printDiagnostics prints each diagnostic of a failed build on its own
// line: every error, so that one run shows them all.
func printDiagnostics(w io.Writer, err error) {
	var ds content.Diagnostics
	if errors.As(err, &ds) {
		bw := bufio.NewWriter(w)
		defer bw.Flush()
		for _, d := range ds {
			say(bw, "%s", d.Error())
		}
		return
	}
	say(w, "hirebook: %v", err)
}

// maxWarnings is how many warnings a successful build prints before it
// sums up the rest by rule: a site whose thousand roles all lack a closing
// date should not bury the build's result under a thousand lines.
const maxWarnings = 20
