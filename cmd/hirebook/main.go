// Command hirebook builds hiring sites: role pages, reverse-interview
// primers and interviewer guides from one Markdown file per role.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		say(stderr, msgUsage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "new":
		return cmdNew(ctx, args[1:], stdout, stderr)
	case "init":
		return cmdInit(ctx, args[1:], stdout, stderr)
	case "synth":
		return cmdSynth(ctx, args[1:], stdout, stderr)
	case "schema":
		return cmdSchema(ctx, args[1:], stdout, stderr)
	case "check":
		return cmdCheck(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		if len(args) > 1 {
			return strayArg(stderr, "version", nil, args[1])
		}
		say(stdout, "hirebook %s", version())
		return 0
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if usageOf(args[1]) != "" {
				say(stderr, msgStrayCommand, args[1], args[1], args[1])
				return 2
			}
			return strayArg(stderr, "help", nil, args[1])
		}
		say(stdout, msgUsage)
		return 0
	}
	say(stderr, msgUnknownCommand, args[0])
	say(stderr, msgUsage)
	return 2
}
