package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/serve"
	"github.com/hirebook/hirebook/generator/synth"
)

// BenchmarkSaveToReload measures the time from saving a role file to the
// reload event reaching an open page, on a 1,000-role site (100 with
// -short): the watcher's debounce, the incremental rebuild and the event.
func BenchmarkSaveToReload(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	dir := filepath.Join(b.TempDir(), "content")
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := serve.New(ctx, generator.Options{Content: dir}, io.Discard)
	if e := srv.Errors(); e != "" {
		b.Fatal(e)
	}
	ln, err := serve.Listen("", 0)
	if err != nil {
		b.Fatal(err)
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	defer hs.Close()
	go srv.Watch(ctx, dir)
	time.Sleep(200 * time.Millisecond)
	resp, err := http.Get("http://" + ln.Addr().String() + serve.EventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan struct{}, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: reload") {
				events <- struct{}{}
			}
		}
	}()
	file := filepath.Join(dir, filepath.FromSlash(synth.RoleFile(n/2)))
	orig, _ := os.ReadFile(file)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edited := append(append([]byte{}, orig...), fmt.Sprintf("\nSaved %d.\n", i)...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case <-events:
		case <-time.After(5 * time.Second):
			b.Fatal("no reload event")
		}
	}
}
