package main

import (
	"context"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/check"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/guard"
)

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("build", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var opts generator.Options
	var clock, cpuProfile, memProfile string
	flags.StringVar(&opts.Content, "content", "content", "content folder")
	flags.StringVar(&opts.Out, "out", "public", "output folder (replaced whole)")
	flags.StringVar(&opts.BaseURL, "base-url", "", "override site.yaml's base_url")
	flags.BoolVar(&opts.Drafts, "drafts", false, "publish draft roles")
	flags.StringVar(&clock, "clock", "", "build as of this date (YYYY-MM-DD)")
	flags.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to this file")
	flags.StringVar(&memProfile, "memprofile", "", "write an allocation profile of the build to this file")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		return strayArg(stderr, "build", flags, flags.Arg(0))
	}
	if opts.BaseURL != "" {
		if problem := check.BaseURLProblem(opts.BaseURL); problem != "" {
			say(stderr, msgBadBaseURL, problem)
			return 2
		}
	}
	if clock != "" {
		d, err := content.ParseDate(clock)
		if err != nil {
			say(stderr, msgBadClock, err)
			return 2
		}
		opts.Clock = d
	}
	opts.Passphrase = os.Getenv(guard.PassphraseEnv)
	tuneGC(opts.Content)
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			say(stderr, msgProfile, "cpuprofile", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			say(stderr, msgProfile, "cpuprofile", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	if memProfile != "" {
		f, err := os.Create(memProfile)
		if err != nil {
			say(stderr, msgProfile, "memprofile", err)
			return 2
		}
		runtime.MemProfileRate = 64 << 10
		defer writeMemProfile(f, stderr)
	}
	start := time.Now()
	res, err := generator.Build(ctx, opts)
	if err != nil {
		printDiagnostics(stderr, err)
		say(stderr, msgBuildFailed, opts.Out)
		return 1
	}
	res.Warnings.WriteBrief(stderr, maxWarnings)
	say(stdout, msgBuilt, res.Stats.Written+res.Stats.Unchanged, opts.Out, res.Stats.Written, res.Stats.Unchanged, time.Since(start).Round(time.Millisecond))
	return 0
}

// tuneGC trades memory for time in a one-shot build: the collector runs
// a quarter as often as Go's default, until the heap nears a soft limit,
// when it runs as often as it must to stay there. The limit is 512 MiB or
// nine times the size of the content, whichever is more: a build holds
// about three times the content's size, and a limit too close to that
// would have the collector run without pause. GOGC and GOMEMLIMIT still
// win.
func tuneGC(contentDir string) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(512<<20, 9*contentSize(contentDir)))
	}
}

// contentSize is the total size of the files under dir that a build
// reads (Markdown and YAML; images and the like are not held in memory);
// what cannot be read counts as nothing (the build reports it).
func contentSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if ext := filepath.Ext(p); err == nil && d.Type().IsRegular() && (ext == ".md" || ext == ".yaml" || ext == ".yml") {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// writeMemProfile writes the allocations made during the build into f
// and closes it. The allocation profile covers only completed collections,
// so it collects first, as go test -memprofile does.
func writeMemProfile(f *os.File, stderr io.Writer) {
	runtime.GC()
	err := pprof.Lookup("allocs").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		say(stderr, msgProfile, "memprofile", err)
	}
}
