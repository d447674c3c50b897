package generator

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"sync"

	"github.com/hirebook/hirebook/generator/content"
)

// firstSeen returns a lookup of the date each content file was first
// committed, read with one `git log` when first needed. Outside a Git
// repository it finds nothing, and file modification dates are used.
func firstSeen(opts Options) func(string) (content.Date, bool) {
	if opts.ContentFS != nil {
		return nil
	}
	var once sync.Once
	var dates map[string]content.Date
	return func(name string) (content.Date, bool) {
		once.Do(func() { dates = gitDates(contentDir(opts)) })
		d, ok := dates[name]
		return d, ok
	}
}

func gitDates(dir string) map[string]content.Date {
	out := map[string]content.Date{}
	cmd := exec.Command("git", "-C", dir, "log", "--diff-filter=A", "--format=#%cs", "--name-only", "--relative", "--", ".")
	b, err := cmd.Output()
	if err != nil {
		return out
	}
	var cur content.Date
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			cur, _ = content.ParseDate(line[1:])
		case !cur.IsZero():
			out[line] = cur // log runs newest first: the last one seen is the first commit
		}
	}
	return out
}
