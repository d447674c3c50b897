package main

import (
	"context"
	"io"

	"github.com/hirebook/hirebook/generator/check"
)

func cmdSchema(_ context.Context, args []string, stdout, stderr io.Writer) int {
	kind := "role"
	if len(args) > 0 {
		kind = args[0]
	}
	if len(args) > 1 {
		return strayArg(stderr, "schema", nil, args[1])
	}
	if kind != "role" && kind != "site" {
		say(stderr, msgBadSchema, kind)
		return 2
	}
	b, err := check.Schema(kind)
	if err != nil {
		say(stderr, "hirebook: %v", err)
		return 1
	}
	stdout.Write(append(b, '\n'))
	return 0
}
