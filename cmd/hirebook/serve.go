package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
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
	if err := fs.Parse(args); err != nil {
		return 2
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
	srv := serve.New(ctx, opts, stdout)
	addr := ln.Addr().String()
	say(stdout, msgServing, "http://"+addr+srv.BasePath())
	contentDir := filepath.Clean(opts.Content)
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
