package main

import (
	"context"
	"flag"
	"io"

	"github.com/hirebook/hirebook/generator"
)

func cmdCheck(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts generator.Options
	strict := fs.Bool("strict", false, "exit 1 on warnings too")
	fs.StringVar(&opts.Content, "content", "content", "content folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	site, diags := generator.Load(opts)
	for _, d := range diags {
		say(stdout, "%s", d.Error())
	}
	errs := len(diags.Errors())
	if errs > 0 || (*strict && len(diags) > 0) {
		say(stderr, msgProblems, errs, plural(errs, "error", "errors"), len(diags)-errs, plural(len(diags)-errs, "warning", "warnings"))
		return 1
	}
	if len(diags) == 0 {
		say(stderr, msgCheckOK, opts.Content, len(site.Roles), len(site.Company))
	}
	return 0
}
