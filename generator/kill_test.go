package generator_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/output"
	"github.com/hirebook/hirebook/generator/synth"
)

// The kill test's child process: a build of HIREBOOK_KILL_CONTENT into
// HIREBOOK_KILL_OUT at HIREBOOK_KILL_BASE, which the parent kills.
const killEnv = "HIREBOOK_KILL_CHILD"

func TestKillChild(t *testing.T) {
	if os.Getenv(killEnv) != "1" {
		t.Skip("the child process of TestKilledBuildKeepsPreviousOutput")
	}
	opts := generator.Options{Content: os.Getenv("HIREBOOK_KILL_CONTENT"), Out: os.Getenv("HIREBOOK_KILL_OUT"),
		BaseURL: os.Getenv("HIREBOOK_KILL_BASE"), Clock: clock}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
}

// killSize is the synthetic site's role count: big enough that a build
// into a folder takes a while (several thousand files), small enough for
// every test run.
const killSize = 80

// A build killed with SIGKILL at any point leaves the previous output
// exactly as it was, or (once it has swapped the new folder in) the new
// output whole; never a mix. The next build succeeds, clears the folders
// the killed one left, and keeps the mtime of every file it did not change.
func TestKilledBuildKeepsPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic site many times")
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	if err := synth.Write(dir, killSize); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	const oldBase, newBase = "https://old.example/careers/", "https://new.example/jobs/"
	build := func(base string) {
		t.Helper()
		if _, err := generator.Build(context.Background(), generator.Options{Content: dir, Out: out, BaseURL: base, Clock: clock}); err != nil {
			t.Fatal(err)
		}
	}
	build(oldBase)
	old := snapshot(t, out)
	newRes, err := generator.Build(context.Background(), generator.Options{Content: dir, BaseURL: newBase, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	newFiles := map[string][]byte{}
	for _, f := range newRes.Files {
		newFiles[f.Path] = f.Data
	}

	// Kill points: right at the start, then once the new folder beside the
	// output appears, after increasing delays, until one build finishes.
	delays := []time.Duration{-1, 0, 2 * time.Millisecond, 10 * time.Millisecond, 50 * time.Millisecond,
		200 * time.Millisecond, 800 * time.Millisecond, 3200 * time.Millisecond}
	killedMidway := 0
	for _, d := range delays {
		completed, sawTemp := runAndKill(t, dir, out, newBase, d)
		intact := false
		switch got := snapshot(t, out); {
		case sameEntries(got, old):
			intact = true
			if sawTemp {
				killedMidway++
			}
		case isOutput(got, newFiles):
			t.Logf("kill %v after the new folder appeared came after the swap (completed: %v)", d, completed)
		default:
			t.Fatalf("kill %v after the new folder appeared left an output that is neither the previous nor the new one", d)
		}
		if completed {
			break
		}
		// The next build repairs and clears what the kill left, and
		// rewrites no file whose bytes did not change.
		build(oldBase)
		if intact {
			sameSnapshot(t, "after the build that followed a kill", withoutMarker(snapshot(t, out)), withoutMarker(old))
		} else if got := snapshot(t, out); !sameBytes(got, old) {
			t.Fatal("the build that followed a kill did not write the previous site back")
		} else {
			old = got
		}
		if n := dirNames(t, tmp); strings.Join(n, " ") != "content public" {
			t.Fatalf("after the next build the output's parent holds %v", n)
		}
	}
	if killedMidway == 0 {
		t.Error("no kill landed while the new folder was being written")
	}
	t.Logf("%d kills landed while the new folder was being written", killedMidway)
	// An uninterrupted build swaps the new output in.
	if completed, _ := runAndKill(t, dir, out, newBase, time.Hour); !completed {
		t.Fatal("the build did not complete")
	}
	if !isOutput(snapshot(t, out), newFiles) {
		t.Error("the completed build's output is not the new site")
	}
}

// runAndKill starts a child build and sends it SIGKILL delay after the new
// folder beside out appears (a negative delay: as soon as it starts). It
// reports whether the build completed first and whether the new folder
// was seen.
func runAndKill(t *testing.T, content, out, base string, delay time.Duration) (completed, sawTemp bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), killEnv+"=1", "HIREBOOK_KILL_CONTENT="+content, "HIREBOOK_KILL_OUT="+out, "HIREBOOK_KILL_BASE="+base)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	kill := func() bool {
		_ = cmd.Process.Kill() // SIGKILL
		return (<-done) == nil
	}
	if delay < 0 {
		return kill(), false
	}
	parent, prefix := filepath.Dir(out), "."+filepath.Base(out)+".hirebook-new-"
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the child build failed: %v\n%s", err, stderr.String())
			}
			return true, sawTemp
		case <-time.After(200 * time.Microsecond):
		}
		if names, _ := filepath.Glob(filepath.Join(parent, prefix+"*")); len(names) > 0 {
			sawTemp = true
			select {
			case err := <-done:
				return err == nil, true
			case <-time.After(delay):
				return kill(), true
			}
		}
	}
}

// sameEntries reports whether two snapshots hold the same files and
// folders with the same bytes and file mtimes (but for the marker, which
// every build writes anew).
func sameEntries(got, want map[string]entry) bool {
	if len(got) != len(want) {
		return false
	}
	for p, w := range want {
		g, ok := got[p]
		if !ok || g.data != w.data || g.dir != w.dir || !w.dir && p != output.Marker && !g.modTime.Equal(w.modTime) {
			return false
		}
	}
	return true
}

// sameBytes reports whether two snapshots hold the same files with the
// same bytes, whatever their mtimes.
func sameBytes(got, want map[string]entry) bool {
	if len(got) != len(want) {
		return false
	}
	for p, w := range want {
		if g, ok := got[p]; !ok || g.data != w.data || g.dir != w.dir {
			return false
		}
	}
	return true
}

func withoutMarker(s map[string]entry) map[string]entry {
	out := map[string]entry{}
	for p, e := range s {
		if p != output.Marker {
			out[p] = e
		}
	}
	return out
}

// isOutput reports whether a snapshot holds exactly files, plus the marker.
func isOutput(got map[string]entry, files map[string][]byte) bool {
	n := 0
	for p, e := range got {
		if e.dir {
			continue
		}
		n++
		if p == output.Marker {
			continue
		}
		if b, ok := files[p]; !ok || string(b) != e.data {
			return false
		}
	}
	return n == len(files)+1
}

// A build that fails after it has started writing (the guard stage without
// a passphrase; a layout that fails on one role's page) leaves the previous
// output as it was and nothing beside it.
func TestLateFailureKeepsPreviousOutput(t *testing.T) {
	tests := []struct {
		name string
		edit func(*generator.Options)
		msg  string
	}{
		{"no passphrase", func(o *generator.Options) { o.Passphrase = "" }, "passphrase"},
		{"a layout that fails on one page", func(o *generator.Options) {
			o.ThemeFS = fstest.MapFS{"layouts/company.html": {Data: []byte(`{{template "base" .}}{{define "main"}}{{index "" 5}}{{end}}`)}}
		}, "company"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, dir := workspace(t)
			out := filepath.Join(tmp, "public")
			if _, err := generator.Build(context.Background(), diskOpts(dir, out)); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, out)
			opts := diskOpts(dir, out)
			tt.edit(&opts)
			_, err := generator.Build(context.Background(), opts)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want one about %s", err, tt.msg)
			}
			sameSnapshot(t, "previous output", snapshot(t, out), before)
			if n := dirNames(t, tmp); strings.Join(n, " ") != "public site" {
				t.Errorf("the output's parent holds %v", n)
			}
		})
	}
}
