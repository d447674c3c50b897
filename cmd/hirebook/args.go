package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hirebook/hirebook/generator/output"
)

// strayArg reports an argument a command does not take, as a usage error
// (exit 2). Go's flag package stops at the first argument that is not a
// flag, so everything after it would otherwise be ignored, flags too: the
// message names the argument and, when it is a flag, says flags come
// first; when it looks like a folder, it names the flag that takes one.
func strayArg(stderr io.Writer, cmd string, fs *flag.FlagSet, arg string) int {
	switch name := flagName(arg); {
	case name != "" && fs != nil && fs.Lookup(name) != nil:
		say(stderr, msgFlagAfterArgs, cmd, arg)
	case folderFlag(fs, arg) != "":
		say(stderr, msgStrayFolder, cmd, arg, folderFlag(fs, arg), shellQuote(arg))
	default:
		say(stderr, msgStrayArg, cmd, arg)
		if u := usageOf(cmd); u != "" {
			say(stderr, msgUsageOf, u)
		}
	}
	return 2
}

// flagName is the name in -name, --name or --name=value, or "".
func flagName(arg string) string {
	if !strings.HasPrefix(arg, "-") {
		return ""
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
	return name
}

// folderFlag is the flag of fs that arg, when it looks like a folder,
// was probably meant for: --out for a build's output (named public, or
// holding the marker build leaves), --content otherwise; "" when arg does
// not look like a folder or no flag takes one.
func folderFlag(fs *flag.FlagSet, arg string) string {
	if fs == nil || !looksLikeFolder(arg) {
		return ""
	}
	if fs.Lookup("out") != nil && isOutput(arg) {
		return "out"
	}
	if fs.Lookup("content") != nil {
		return "content"
	}
	return ""
}

// isDir reports whether arg is an existing folder.
func isDir(arg string) bool {
	fi, err := os.Stat(arg)
	return err == nil && fi.IsDir()
}

// looksLikeFolder: an existing folder, a path, or the name of hirebook's
// own folders.
func looksLikeFolder(arg string) bool {
	if isDir(arg) {
		return true
	}
	base := filepath.Base(arg)
	return strings.ContainsRune(arg, '/') || strings.ContainsRune(arg, filepath.Separator) || base == "content" || base == "public"
}

func isOutput(arg string) bool {
	if filepath.Base(filepath.Clean(arg)) == "public" {
		return true
	}
	_, err := os.Lstat(filepath.Join(arg, output.Marker))
	return err == nil
}

// shellQuote writes s as one shell word, for a command to copy.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
