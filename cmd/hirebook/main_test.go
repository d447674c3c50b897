package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// childArgs, when set in the environment, makes the test binary run as
// the hirebook command with these arguments (separated by U+001F, which
// no argument holds): a test can then run a command in a fresh process,
// as a user would.
const childArgs = "HIREBOOK_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(childArgs); ok {
		os.Exit(run(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// runChild runs hirebook with args in a new process and returns its
// standard output and error and its exit code.
func runChild(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"))
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("run hirebook: %v", err)
		}
		code = ee.ExitCode()
	}
	return out.String(), errb.String(), code
}
