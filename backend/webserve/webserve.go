// Package webserve serves the built frontend over plain HTTP and dispatches
// its binding calls to the very services the desktop window binds, so the UI
// can be driven in a real browser against the real Go backend and SQLite
// file (the end-to-end tests do).
//
// It ships in the release binary and may be left running, so it trusts
// nothing a web page could forge: it listens on loopback only; it answers
// only requests whose Host is its own loopback host:port (a DNS-rebinding
// page names another host) and whose Origin, when sent, is its own; and a
// call must be application/json (a form or a text/plain fetch from a foreign
// page cannot be) and carry the per-run random token in TokenHeader (only
// whoever read the server's first line of output, or the page it opened,
// knows it).
package webserve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"funneldesk/backend/apperr"
)

// TokenHeader carries the per-run token on every call.
const TokenHeader = "X-FunnelDesk-Token"

// method is one bound Go method reachable as window.go.<pkg>.<Type>.<Name>.
type method struct {
	fn   reflect.Value
	args []reflect.Type
}

// Server is the HTTP handler.
type Server struct {
	assets  fs.FS
	methods map[string]method
	token   string
	// hosts are the Host header values that name this server.
	hosts map[string]bool
}

// NewToken returns a fresh random token for one run of the server.
func NewToken() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

// Names lists the bound methods of the objects in bound as the UI calls
// them: "pkg.Type.Method", pkg being the last element of the type's package
// path, as Wails names them in window.go.
func Names(bound []any) []string {
	var names []string
	for _, b := range bound {
		t := reflect.TypeOf(b)
		prefix := boundPrefix(t)
		for i := 0; i < t.NumMethod(); i++ {
			names = append(names, prefix+t.Method(i).Name)
		}
	}
	sort.Strings(names)
	return names
}

func boundPrefix(t reflect.Type) string {
	et := t.Elem()
	pkg := et.PkgPath()
	return pkg[strings.LastIndex(pkg, "/")+1:] + "." + et.Name() + "."
}

// New builds a server over the frontend's dist files and the bound objects
// (named as Names says), answering on loopback port port to calls that
// carry token.
func New(assets fs.FS, bound []any, token string, port int) *Server {
	p := strconv.Itoa(port)
	s := &Server{assets: assets, methods: map[string]method{}, token: token,
		hosts: map[string]bool{"127.0.0.1:" + p: true, "localhost:" + p: true, "[::1]:" + p: true}}
	if port == 80 {
		s.hosts["127.0.0.1"], s.hosts["localhost"], s.hosts["[::1]"] = true, true, true
	}
	for _, b := range bound {
		v := reflect.ValueOf(b)
		t := v.Type()
		prefix := boundPrefix(t)
		for i := 0; i < t.NumMethod(); i++ {
			ft := t.Method(i).Type
			var args []reflect.Type
			for j := 1; j < ft.NumIn(); j++ {
				args = append(args, ft.In(j))
			}
			s.methods[prefix+t.Method(i).Name] = method{fn: v.Method(i), args: args}
		}
	}
	return s
}

// Listen listens on addr, which must be a loopback address. The port may be
// 0: the listener's address tells which port was taken.
func Listen(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("serve: %s is not a loopback address", addr)
	}
	return net.Listen("tcp", addr)
}

// Serve answers on l until it fails.
func (s *Server) Serve(l net.Listener) error {
	return (&http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}).Serve(l)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts[strings.ToLower(r.Host)] {
		http.Error(w, "refused: Host "+strconv.Quote(r.Host)+" is not this server's loopback address", http.StatusForbidden)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && !s.ownOrigin(o) {
		http.Error(w, "refused: Origin "+strconv.Quote(o)+" is not this server", http.StatusForbidden)
		return
	}
	switch {
	case r.URL.Path == "/wails/call" && r.Method == http.MethodPost:
		s.call(w, r)
	case r.URL.Path == "/" || r.URL.Path == "/index.html":
		s.index(w)
	default:
		http.FileServer(http.FS(s.assets)).ServeHTTP(w, r)
	}
}

// ownOrigin tells whether origin is this server's own: http and one of its
// host:port names.
func (s *Server) ownOrigin(origin string) bool {
	host, ok := strings.CutPrefix(strings.ToLower(origin), "http://")
	return ok && s.hosts[host]
}

// authorized refuses a call that is not JSON or lacks the token, and says why.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		http.Error(w, "refused: a call must be Content-Type application/json", http.StatusUnsupportedMediaType)
		return false
	}
	got := r.Header.Get(TokenHeader)
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
		http.Error(w, "refused: missing or wrong "+TokenHeader+" header (the token is in the URL the server printed)", http.StatusForbidden)
		return false
	}
	return true
}

type callRequest struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
}

func (s *Server) call(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	var req callRequest
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	m, ok := s.methods[req.Name]
	if !ok {
		http.Error(w, "unknown method "+req.Name, http.StatusNotFound)
		return
	}
	if len(req.Args) != len(m.args) {
		http.Error(w, fmt.Sprintf("%s takes %d arguments, got %d", req.Name, len(m.args), len(req.Args)), http.StatusBadRequest)
		return
	}
	in := make([]reflect.Value, len(m.args))
	for i, t := range m.args {
		p := reflect.New(t)
		if err := json.Unmarshal(req.Args[i], p.Interface()); err != nil {
			http.Error(w, fmt.Sprintf("argument %d: %v", i+1, err), http.StatusBadRequest)
			return
		}
		in[i] = p.Elem()
	}
	out := m.fn.Call(in)
	resp := map[string]any{}
	for _, v := range out {
		if v.Type().Implements(reflect.TypeFor[error]()) {
			if !v.IsNil() {
				resp["error"] = apperr.Format(v.Interface().(error))
			}
			continue
		}
		resp["result"] = v.Interface()
	}
	json.NewEncoder(w).Encode(resp)
}

// index serves index.html with the shim that stands in for Wails' IPC.
func (s *Server) index(w http.ResponseWriter) {
	b, err := fs.ReadFile(s.assets, "index.html")
	if err != nil {
		http.Error(w, "frontend not built: "+err.Error(), http.StatusInternalServerError)
		return
	}
	names := make([]string, 0, len(s.methods))
	for n := range s.methods {
		names = append(names, n)
	}
	sort.Strings(names)
	js, _ := json.Marshal(names)
	shim := "<script>" + strings.NewReplacer("__METHODS__", string(js), "__TOKEN_HEADER__", TokenHeader).Replace(shimJS) + "</script>"
	html := strings.Replace(string(b), "<head>", "<head>"+shim, 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(html))
}

// shimJS defines window.go and the parts of window.runtime the UI uses; each
// call carries the token. A failed call rejects as the desktop runtime does: an Error whose message is
// the JSON of the apperr.
const shimJS = `(function(){
var names = __METHODS__;
// The token comes in the URL the server printed (?token=); it is kept for
// the tab so that a reload or a link without it still works.
var token = new URLSearchParams(location.search).get('token') || '';
try {
  if (token) sessionStorage.setItem('funneldesk-token', token);
  else token = sessionStorage.getItem('funneldesk-token') || '';
} catch (e) {}
window.go = {};
names.forEach(function(full){
  var p = full.split('.');
  var pkg = window.go[p[0]] = window.go[p[0]] || {};
  var typ = pkg[p[1]] = pkg[p[1]] || {};
  typ[p[2]] = function(){
    var args = Array.prototype.slice.call(arguments);
    return fetch('/wails/call', {method:'POST', headers:{'Content-Type':'application/json', '__TOKEN_HEADER__': token},
      body: JSON.stringify({name: full, args: args})})
    .then(function(r){ if(!r.ok) return r.text().then(function(t){ throw new Error(t); }); return r.json(); })
    .then(function(d){ if(d.error !== undefined) throw new Error(JSON.stringify(d.error)); return d.result; });
  };
});
var listeners = {};
window.runtime = {
  EventsOnMultiple: function(name, cb, max){ (listeners[name] = listeners[name] || []).push({cb: cb, max: max}); return function(){ listeners[name] = (listeners[name]||[]).filter(function(l){ return l.cb !== cb; }); }; },
  EventsEmit: function(name){ var args = Array.prototype.slice.call(arguments, 1); (listeners[name]||[]).slice().forEach(function(l){ l.cb.apply(null, args); }); },
  EventsOff: function(name){ delete listeners[name]; },
  EventsOffAll: function(){ listeners = {}; },
  LogPrint: function(m){ console.log(m); }, LogTrace: function(m){ console.log(m); }, LogDebug: function(m){ console.log(m); },
  LogInfo: function(m){ console.log(m); }, LogWarning: function(m){ console.warn(m); }, LogError: function(m){ console.error(m); }, LogFatal: function(m){ console.error(m); },
  WindowSetTitle: function(t){ document.title = t; },
  BrowserOpenURL: function(u){ window.open(u); },
  Environment: function(){ return Promise.resolve({buildType: 'headless', platform: 'web', arch: ''}); },
  Quit: function(){}
};
window.__FUNNELDESK_HEADLESS__ = true;
})();`
