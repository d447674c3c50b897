package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/guard"
	"github.com/hirebook/hirebook/generator/serve"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts generator.Options
	fs.StringVar(&opts.Content, "content", "content", "content folder")
	port := fs.Int("port", 1313, "port to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "address to listen on; 0.0.0.0 opens the preview to your network")
	fs.BoolVar(&opts.Drafts, "drafts", true, "show draft roles")
	allow := fs.String("allow-host", "", "other host names to answer on 127.0.0.1, comma-separated (a port-forwarding service's name, say)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		return strayArg(stderr, "serve", fs, fs.Arg(0))
	}
	if *bind != "127.0.0.1" && *bind != "localhost" && *bind != "::1" {
		say(stderr, msgServeOpen, *bind)
	}
	ln, err := serve.Listen(*bind, *port)
	if err != nil {
		say(stderr, "hirebook: %v", err)
		return 1
	}
	opts.Passphrase = os.Getenv(guard.PassphraseEnv)
	// The first build decides the address (the base URL's path), which is
	// printed before that build's report.
	log := &heldWriter{w: stdout, held: true}
	srv := serve.New(ctx, opts, log)
	srv.AllowHosts(strings.Split(*allow, ",")...)
	say(stdout, msgServing, "http://"+localAddr(ln.Addr())+srv.BasePath())
	log.release()
	contentDir := filepath.Clean(opts.Content)
	if site := filepath.Join(contentDir, "site.yaml"); !exists(site) {
		say(stderr, msgServeNoSite, site)
	}
	go func() {
		if err := srv.Watch(ctx, contentDir, filepath.Join(filepath.Dir(contentDir), "themes")); err != nil {
			say(stderr, msgWatchFailed, err)
		}
	}()
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// localAddr is the address to open the preview at on this machine: an
// unspecified address (0.0.0.0, ::) is reached as localhost.
func localAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// heldWriter holds what is written to it until release, then writes
// through; it may be written from more than one goroutine.
type heldWriter struct {
	mu   sync.Mutex
	w    io.Writer
	buf  bytes.Buffer
	held bool
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.held {
		return h.buf.Write(p)
	}
	return h.w.Write(p)
}

// release writes what was held and lets later writes through.
func (h *heldWriter) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held = false
	h.w.Write(h.buf.Bytes())
	h.buf.Reset()
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
