package main

import (
	"context"
	"flag"
	"io"

	"github.com/hirebook/hirebook/generator/synth"
)

// cmdSynth writes a synthetic site for benchmarks.
func cmdSynth(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("roles", 1000, "number of roles")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *n < 1 {
		say(stderr, msgSynthUsage)
		return 2
	}
	if err := synth.Write(fs.Arg(0), *n); err != nil {
		say(stderr, "hirebook synth: %v", err)
		return 1
	}
	say(stdout, msgSynthWrote, *n, fs.Arg(0))
	return 0
}
