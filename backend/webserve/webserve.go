// Package webserve serves the built frontend over plain HTTP and dispatches
// its binding calls to the very services the desktop window binds, so the UI
// can be driven in a real browser against the real Go backend and SQLite
// file (the end-to-end tests do). It listens on loopback only.
package webserve

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"funneldesk/backend/apperr"
)

// method is one bound Go method reachable as window.go.<pkg>.<Type>.<Name>.
type method struct {
	fn   reflect.Value
	args []reflect.Type
}

// Server is the HTTP handler.
type Server struct {
	assets  fs.FS
	methods map[string]method
}

// New builds a server over the frontend's dist files and the bound objects,
// named as Wails names them: the package's last path element, the type name
// and the method name.
func New(assets fs.FS, bound []any) *Server {
	s := &Server{assets: assets, methods: map[string]method{}}
	for _, b := range bound {
		v := reflect.ValueOf(b)
		t := v.Type()
		et := t.Elem()
		pkg := et.PkgPath()
		pkg = pkg[strings.LastIndex(pkg, "/")+1:]
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			ft := m.Type
			var args []reflect.Type
			for j := 1; j < ft.NumIn(); j++ {
				args = append(args, ft.In(j))
			}
			s.methods[pkg+"."+et.Name()+"."+m.Name] = method{fn: v.Method(i), args: args}
		}
	}
	return s
}

// ListenAndServe serves on addr, which must be a loopback address.
func (s *Server) ListenAndServe(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("serve: %s is not a loopback address", addr)
	}
	return http.ListenAndServe(addr, s)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/wails/call" && r.Method == http.MethodPost:
		s.call(w, r)
	case r.URL.Path == "/" || r.URL.Path == "/index.html":
		s.index(w)
	default:
		http.FileServer(http.FS(s.assets)).ServeHTTP(w, r)
	}
}

type callRequest struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
}

func (s *Server) call(w http.ResponseWriter, r *http.Request) {
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
	shim := "<script>" + strings.Replace(shimJS, "__METHODS__", string(js), 1) + "</script>"
	html := strings.Replace(string(b), "<head>", "<head>"+shim, 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(html))
}

// shimJS defines window.go and the parts of window.runtime the UI uses. A
// failed call rejects as the desktop runtime does: an Error whose message is
// the JSON of the apperr.
const shimJS = `(function(){
var names = __METHODS__;
window.go = {};
names.forEach(function(full){
  var p = full.split('.');
  var pkg = window.go[p[0]] = window.go[p[0]] || {};
  var typ = pkg[p[1]] = pkg[p[1]] || {};
  typ[p[2]] = function(){
    var args = Array.prototype.slice.call(arguments);
    return fetch('/wails/call', {method:'POST', headers:{'Content-Type':'application/json'},
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
