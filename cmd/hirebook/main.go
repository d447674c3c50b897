// Command hirebook builds hiring sites: role pages, reverse-interview
// primers and interviewer guides from one Markdown file per role.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"strings"
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
		if len(args) > 2 {
			return strayArg(stderr, "help", nil, args[2])
		}
		if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
			return help(stdout, stderr, args[1])
		}
		if len(args) > 1 && args[1] != "-h" && args[1] != "-help" && args[1] != "--help" {
			return strayArg(stderr, "help", nil, args[1])
		}
		say(stdout, msgUsage)
		return 0
	}
	say(stderr, msgUnknownCommand, args[0])
	say(stderr, msgUsage)
	return 2
}

// help prints the usage of cmd (hirebook help build), and where to find
// its flags when it has any; an unknown command is a usage error.
func help(stdout, stderr io.Writer, cmd string) int {
	u := usageOf(cmd)
	switch cmd {
	case "version":
		u = "hirebook version"
	case "help":
		u = "hirebook help [COMMAND]"
	}
	if u == "" {
		say(stderr, msgHelpUnknown, cmd)
		say(stderr, msgUsage)
		return 2
	}
	say(stdout, msgUsageOf, u)
	if strings.Contains(u, "[--") {
		say(stdout, msgHelpFlags, cmd)
	}
	return 0
}
