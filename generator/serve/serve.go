// Package serve is the live preview: it builds the site into memory through
// generator.Build, serves it under the base URL's path, watches the content
// and theme folders, rebuilds on change and tells open pages to reload. It
// writes nothing to disk.
package serve

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/hirebook/hirebook/generator"
)

// MaxWarnings is how many warnings a rebuild prints before it sums up the
// rest by rule.
const MaxWarnings = 20

// EventsPath is where open pages listen for reload events.
const EventsPath = "/__hirebook/events"

const scriptPath = "/__hirebook/reload.js"

// reloadScript reloads the page on a "reload" event (a failed build sends
// one too: the page then shows the error, which ServeHTTP puts at its top).
const reloadScript = `(function(){
var es=new EventSource(%q);
es.addEventListener("reload",function(){location.reload();});
})();
`

// Server serves one site from memory.
type Server struct {
	builder  *generator.Builder
	building sync.Mutex // one build at a time
	log      io.Writer
	mu       sync.RWMutex
	files    map[string][]byte
	basePath string
	lastErr  string
	version  int
	subs     map[chan int]bool
	hosts    map[string]bool // host names served on loopback besides local ones
}

// AllowHosts adds host names the preview answers on the loopback address
// (a name a port-forwarding service or the machine's own name gives).
func (s *Server) AllowHosts(names ...string) {
	for _, n := range names {
		if n = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(n)), "."); n != "" {
			s.hosts[n] = true
		}
	}
}

// New builds the site once and returns a server for it. A build error is
// reported, not returned: the server shows it until a later build works.
func New(ctx context.Context, opts generator.Options, log io.Writer) *Server {
	opts.Out = ""
	opts.PreviewGuides = true // without a passphrase, guides show in plain text, marked as a preview
	s := &Server{builder: generator.NewBuilder(opts), log: log, files: map[string][]byte{}, subs: map[chan int]bool{}, basePath: "/", hosts: map[string]bool{}}
	if name, err := os.Hostname(); err == nil {
		s.AllowHosts(name) // Debian maps it to 127.0.1.1
	}
	s.Rebuild(ctx, nil)
	return s
}

// Rebuild builds the site again after the named files changed (all of it
// when none are named: the first build); on success the new files replace
// the old ones and every open page reloads, on failure the last good site
// stays.
func (s *Server) Rebuild(ctx context.Context, changed []string) error {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	res, err := s.builder.Rebuild(ctx, changed)
	took := time.Since(start).Round(time.Microsecond * 100)
	s.mu.Lock()
	defer s.mu.Unlock()
	why := ""
	if len(changed) > 0 {
		why = describe(changed) + " changed: "
	}
	if err != nil {
		s.lastErr = err.Error()
		switch {
		case len(s.files) > 0:
			fmt.Fprintf(s.log, "%sthe rebuild failed in %s; still serving the last good site:\n%s\n", why, took, err)
		case why == "":
			fmt.Fprintf(s.log, "the site could not be built (%s), so there is nothing to serve yet; fix what is wrong below and the preview builds by itself:\n%s\n", took, err)
		default:
			fmt.Fprintf(s.log, "%sthe site still could not be built (%s), so there is nothing to serve yet:\n%s\n", why, took, err)
		}
		s.notify()
		return err
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	verb := "rebuilt"
	if len(s.files) == 0 { // the first good site: no build worked before
		verb = "built"
	}
	s.files, s.lastErr = files, ""
	s.basePath = res.BasePath
	fmt.Fprintf(s.log, "%s%s %d files in %s\n", why, verb, len(files), took)
	res.Warnings.WriteBrief(s.log, MaxWarnings)
	s.notify()
	return nil
}

func (s *Server) notify() {
	s.version++
	for ch := range s.subs {
		select {
		case ch <- s.version:
		default:
		}
	}
}

// ServeHTTP serves the in-memory site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r) {
		// A web page elsewhere can point its own host name at 127.0.0.1
		// (DNS rebinding) and read the preview, guides and all, as a
		// same-origin page: on the loopback address, only local names.
		http.Error(w, "hirebook serve answers only to localhost, 127.0.0.1 and this machine's name; to open it through another name (a port-forwarding service, say), start it with --allow-host NAME", http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprintf(w, reloadScript, EventsPath)
		return
	}
	s.mu.RLock()
	files, base, lastErr := s.files, s.basePath, s.lastErr
	s.mu.RUnlock()
	if lastErr != "" && len(files) == 0 {
		s.showError(w, lastErr) // no good build yet
		return
	}
	if r.URL.Path == "/" && base != "/" {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	// The base path is percent-encoded (/karri%C3%A4r/); the request's
	// path, like the files' names, is not.
	if dec, err := url.PathUnescape(base); err == nil {
		base = dec
	}
	if !strings.HasPrefix(r.URL.Path, base) {
		s.notFound(w, files)
		return
	}
	rel := strings.TrimPrefix(r.URL.Path, base)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	data, ok := files[rel]
	if !ok {
		if _, dir := files[rel+"/index.html"]; dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, files)
		return
	}
	if lastErr != "" && path.Ext(rel) == ".html" {
		data = withError(data, lastErr)
	}
	s.write(w, rel, data, http.StatusOK)
}

// withError puts the build error at the top of the last good page, which
// still serves below it.
func withError(page []byte, msg string) []byte {
	banner := `<div class="notice" role="alert"><p><strong>The last change could not be built.</strong> This is the last version that built; fix the file and save, and the page reloads.</p><pre>` + html.EscapeString(msg) + `</pre></div>`
	i := bytes.Index(page, []byte("<body"))
	if i < 0 {
		return page
	}
	j := bytes.IndexByte(page[i:], '>')
	if j < 0 {
		return page
	}
	at := i + j + 1
	return append(append(append([]byte{}, page[:at]...), banner...), page[at:]...)
}

func (s *Server) notFound(w http.ResponseWriter, files map[string][]byte) {
	if data, ok := files["404.html"]; ok {
		s.write(w, "404.html", data, http.StatusNotFound)
		return
	}
	http.Error(w, "not found", http.StatusNotFound)
}

func (s *Server) write(w http.ResponseWriter, name string, data []byte, code int) {
	ct := contentTypes[path.Ext(name)]
	if ct == "" {
		ct = "application/octet-stream"
	}
	if path.Ext(name) == ".html" {
		data = injectReload(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(data)
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml; charset=utf-8",
	".txt": "text/plain; charset=utf-8", ".json": "application/json", ".webmanifest": "application/manifest+json",
}

// injectReload adds the reload script to a served page, and lets the
// page's Content-Security-Policy load it. Built files never carry it.
func injectReload(page []byte) []byte {
	page = bytes.Replace(page, []byte(`default-src 'none';`), []byte(`default-src 'none'; connect-src 'self'; script-src 'self';`), 1)
	tag := []byte(`<script src="` + scriptPath + `"></script></body>`)
	return bytes.Replace(page, []byte("</body>"), tag, 1)
}

func (s *Server) showError(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Build error</title></head><body><h1>The last change could not be built</h1><p>Fix the file and save; this page reloads by itself.</p><pre>%s</pre><script src="%s"></script></body></html>`,
		html.EscapeString(msg), scriptPath)
}

// events streams server-sent events: one "reload" per rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			fl.Flush()
		}
	}
}

// hostAllowed reports whether a request may be served: one that reached a
// loopback address must name a loopback host (localhost, *.localhost, a
// loopback or unspecified IP, the machine's name or a name allowed with
// AllowHosts); one from the network (serve --bind 0.0.0.0) may name any.
func (s *Server) hostAllowed(r *http.Request) bool {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return true // not from a listener (a test calling ServeHTTP)
	}
	if ap, err := netip.ParseAddrPort(local.String()); err != nil || !ap.Addr().Unmap().IsLoopback() {
		return true
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || s.hosts[host] {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && (ip.Unmap().IsLoopback() || ip.IsUnspecified())
}

// Listen opens the address, 127.0.0.1 unless told otherwise.
func Listen(bind string, port int) (net.Listener, error) {
	if bind == "" {
		bind = "127.0.0.1"
	}
	return net.Listen("tcp", net.JoinHostPort(bind, fmt.Sprint(port)))
}

// Errors returns the last build error, or "" when the site built.
func (s *Server) Errors() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.lastErr
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.log, format+"\n", args...)
}

// BasePath is the path the site is served under.
func (s *Server) BasePath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.basePath
}

// describe names the changed content files for the terminal (never an
// editor's temporary or backup file, nor a folder): "a file" when none is
// one.
func describe(changed []string) string {
	seen := map[string]bool{}
	var names []string
	for _, c := range changed {
		p := filepath.ToSlash(c)
		b := path.Base(p)
		if contentFile(p) && !seen[b] {
			seen[b] = true
			names = append(names, b)
		}
	}
	switch {
	case len(names) == 0:
		return "a file"
	case len(names) > 3:
		return fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
	}
	return strings.Join(names, ", ")
}

// contentFile reports whether the slash-separated path p is one of the
// site's files: site.yaml, roles/*.md, company/*.md or a file in a
// themes/ folder, and not an editor's temporary or backup file.
func contentFile(p string) bool {
	dir, b := path.Split(p)
	if editorTemp(b) {
		return false
	}
	parent := path.Base(dir)
	return b == "site.yaml" || (path.Ext(b) == ".md" && (parent == "roles" || parent == "company")) ||
		strings.HasPrefix(p, "themes/") || strings.Contains(p, "/themes/")
}

// sedTemp is the name of the file sed -i writes before it renames it.
var sedTemp = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`)

// editorTemp reports whether a file name is one that editors and tools
// write beside the file being saved: hidden, lock and swap files, backups
// (name~, #name#, .bak, .orig), Vim's 4913 probe, sed -i's sedXXXXXX,
// JetBrains' safe-write files.
func editorTemp(name string) bool {
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		name == "4913" || sedTemp.MatchString(name) ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}
