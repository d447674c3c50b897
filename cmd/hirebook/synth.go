package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/hirebook/hirebook/generator/synth"
)

// cmdSynth writes a synthetic site for benchmarks.
func cmdSynth(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("roles", 1000, fmt.Sprintf("number of roles (at most %d)", synth.MaxRoles))
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		say(stderr, msgSynthUsage)
		return 2
	}
	if fs.NArg() > 1 {
		return strayArg(stderr, "synth", fs, fs.Arg(1))
	}
	if *n < 1 || *n > synth.MaxRoles {
		say(stderr, msgSynthRoles, synth.MaxRoles, *n)
		return 2
	}
	if err := synth.Write(fs.Arg(0), *n); err != nil {
		say(stderr, "hirebook synth: %v", err)
		return 1
	}
	say(stdout, msgSynthWrote, *n, fs.Arg(0))
	return 0
}
