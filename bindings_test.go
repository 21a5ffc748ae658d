package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"funneldesk/backend/svc"
	"funneldesk/backend/webserve"
)

// The bound surface: see the doc comment of App.Bindings. Names are
// "pkg.Type.Method" as Wails and the headless server name them.

var (
	// import * as svc from '../../wailsjs/go/owner/Service'
	importAll = regexp.MustCompile(`import\s+\*\s+as\s+(\w+)\s+from\s+['"][./]*wailsjs/go/(\w+)/(\w+)['"]`)
	// import { List, Create as create } from '../../wailsjs/go/owner/Service'
	importSome = regexp.MustCompile(`import\s*\{([^}]*)\}\s*from\s*['"][./]*wailsjs/go/(\w+)/(\w+)['"]`)
	// export function List(arg1:boolean):Promise<Array<store.Owner>>;
	declared = regexp.MustCompile(`(?m)^export function (\w+)\(`)
)

// uiCalls reads which bound methods the TypeScript in files uses through
// the generated wailsjs modules, and where.
func uiCalls(t *testing.T, files []string) map[string][]string {
	t.Helper()
	calls := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, m := range importAll.FindAllStringSubmatch(src, -1) {
			alias, prefix := m[1], m[2]+"."+m[3]+"."
			use := regexp.MustCompile(`\b` + regexp.QuoteMeta(alias) + `\.(\w+)`)
			for _, u := range use.FindAllStringSubmatch(src, -1) {
				calls[prefix+u[1]] = append(calls[prefix+u[1]], f)
			}
		}
		for _, m := range importSome.FindAllStringSubmatch(src, -1) {
			for _, name := range strings.Split(m[1], ",") {
				name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "type "))
				if name == "" {
					continue
				}
				name, _, _ = strings.Cut(name, " ")
				calls[m[2]+"."+m[3]+"."+name] = append(calls[m[2]+"."+m[3]+"."+name], f)
			}
		}
	}
	return calls
}

func sourceFiles(t *testing.T, root string, keep func(path string) bool) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && keep(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func boundApp() *App { return NewApp(nil, "", svc.New(nil)) }

// TestBoundSurfaceIsWhatTheUICalls enforces the rule of App.Bindings: every
// exported method of a bound service is called by frontend/src/api, and
// everything frontend/src/api calls is bound.
func TestBoundSurfaceIsWhatTheUICalls(t *testing.T) {
	bound := map[string]bool{}
	for _, n := range webserve.Names(boundApp().Bindings()) {
		bound[n] = true
	}
	api := sourceFiles(t, filepath.Join("frontend", "src", "api"), func(p string) bool {
		return strings.HasSuffix(p, ".ts") && !strings.HasSuffix(p, ".d.ts")
	})
	if len(api) == 0 {
		t.Fatal("no frontend/src/api/*.ts files found")
	}
	calls := uiCalls(t, api)

	var unused, missing []string
	for n := range bound {
		if len(calls[n]) == 0 {
			unused = append(unused, n)
		}
	}
	for n, where := range calls {
		if !bound[n] {
			missing = append(missing, n+"  (used in "+strings.Join(dedup(where), ", ")+")")
		}
	}
	sort.Strings(unused)
	sort.Strings(missing)
	if len(unused) > 0 {
		t.Errorf("%d bound methods are not called by frontend/src/api/*.ts. Only what the UI calls may be bound "+
			"(see App.Bindings): make each an unexported method or a plain function, remove it, or call it "+
			"from frontend/src/api:\n\t%s", len(unused), strings.Join(unused, "\n\t"))
	}
	if len(missing) > 0 {
		t.Errorf("%d methods called by frontend/src/api/*.ts are not bound (no such exported method on a "+
			"service in App.Bindings): add them, or fix the call and run `make bindings`:\n\t%s",
			len(missing), strings.Join(missing, "\n\t"))
	}

	// Views reach Go only through the typed facade in src/api.
	direct := uiCalls(t, sourceFiles(t, filepath.Join("frontend", "src"), func(p string) bool {
		return (strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".vue")) &&
			!strings.HasPrefix(p, filepath.Join("frontend", "src", "api")+string(filepath.Separator))
	}))
	for n, where := range direct {
		t.Errorf("%s is called outside frontend/src/api (in %s): call it through frontend/src/api", n, strings.Join(dedup(where), ", "))
	}
}

// TestGeneratedBindingsMatch: the committed frontend/wailsjs declares
// exactly the bound methods (it is regenerated with `make bindings`).
func TestGeneratedBindingsMatch(t *testing.T) {
	bound := map[string]bool{}
	for _, n := range webserve.Names(boundApp().Bindings()) {
		bound[n] = true
	}
	generated := map[string]bool{}
	for _, f := range sourceFiles(t, filepath.Join("frontend", "wailsjs", "go"), func(p string) bool { return strings.HasSuffix(p, ".d.ts") }) {
		rel, _ := filepath.Rel(filepath.Join("frontend", "wailsjs", "go"), f)
		parts := strings.Split(filepath.ToSlash(strings.TrimSuffix(rel, ".d.ts")), "/")
		if len(parts) != 2 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range declared.FindAllStringSubmatch(string(b), -1) {
			generated[parts[0]+"."+parts[1]+"."+m[1]] = true
		}
	}
	var stale []string
	for n := range bound {
		if !generated[n] {
			stale = append(stale, n+" is bound but not in frontend/wailsjs")
		}
	}
	for n := range generated {
		if !bound[n] {
			stale = append(stale, n+" is in frontend/wailsjs but not bound")
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("frontend/wailsjs is out of date; run `make bindings` (wails generate module) and commit it:\n\t%s", strings.Join(stale, "\n\t"))
	}
}

// TestLifecycleIsNotBound: start-up plumbing (the Wails context, clocks,
// pickers) is never reachable from the page.
func TestLifecycleIsNotBound(t *testing.T) {
	ctxType := reflect.TypeFor[context.Context]()
	for _, b := range boundApp().Bindings() {
		typ := reflect.TypeOf(b)
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			for j := 1; j < m.Type.NumIn(); j++ {
				in := m.Type.In(j)
				if in == ctxType || in.Kind() == reflect.Func || in.Kind() == reflect.Chan || in == reflect.TypeFor[*svc.Env]() {
					t.Errorf("%s.%s takes a %v: lifecycle and wiring must not be bound (make it a function)", typ, m.Name, in)
				}
			}
		}
	}
	for _, b := range boundApp().Bindings() {
		if _, ok := b.(*App); ok {
			t.Error("App itself is bound: its startup and shutdown would be callable")
		}
	}
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
