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

// gitDates reads, oldest commit first, when each file under dir was added,
// following renames, so a renamed role keeps the date it was first posted.
func gitDates(dir string) map[string]content.Date {
	out := map[string]content.Date{}
	cmd := exec.Command("git", "-C", dir, "-c", "core.quotePath=false", "log", "--reverse", "-M",
		"--format=#%cs", "--name-status", "--relative", "--", ".")
	b, err := cmd.Output()
	if err != nil {
		return out
	}
	var cur content.Date
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			cur, _ = content.ParseDate(line[1:])
			continue
		}
		f := strings.Split(line, "\t")
		if cur.IsZero() || len(f) < 2 {
			continue
		}
		switch {
		case f[0] == "A":
			if _, ok := out[f[1]]; !ok {
				out[f[1]] = cur
			}
		case strings.HasPrefix(f[0], "R") && len(f) == 3:
			if d, ok := out[f[1]]; ok {
				out[f[2]] = d
			} else {
				out[f[2]] = cur
			}
		}
	}
	return out
}
