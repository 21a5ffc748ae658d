package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// entry is one def call of a catalog file as written.
type entry struct {
	name, id, zh, en string
	pos              token.Position
}

func catalogEntries(t *testing.T) []entry {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("catalog*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fileEntries(t, fset, f)...)
	}
	return out
}

func fileEntries(t *testing.T, fset *token.FileSet, f *ast.File) []entry {
	t.Helper()
	var out []entry
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		for i, v := range vs.Values {
			call, ok := v.(*ast.CallExpr)
			if !ok || len(call.Args) != 3 {
				t.Fatalf("%s: %s is not def(id, zh, en)", fset.Position(v.Pos()), vs.Names[i].Name)
			}
			var s [3]string
			for j, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s: def takes string literals", fset.Position(a.Pos()))
				}
				s[j], _ = strconv.Unquote(lit.Value)
			}
			out = append(out, entry{vs.Names[i].Name, s[0], s[1], s[2], fset.Position(v.Pos())})
		}
		return true
	})
	return out
}

// TestCatalog: every key has both languages, with the same placeholders,
// and the catalog*.go files are the whole catalog (one file per area, so
// that work on different areas adds keys in different files).
func TestCatalog(t *testing.T) {
	entries := catalogEntries(t)
	if len(entries) != len(Keys()) {
		t.Fatalf("catalog*.go define %d keys, the catalog holds %d: keys must come from catalog*.go", len(entries), len(Keys()))
	}
	for _, e := range entries {
		if strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: %s (%s) lacks its Chinese or English text", e.pos, e.name, e.id)
		}
		if zh, en := Placeholders(e.zh), Placeholders(e.en); !slices.Equal(zh, en) {
			t.Errorf("%s: %s (%s) has placeholders %v in Chinese but %v in English", e.pos, e.name, e.id, zh, en)
		}
	}
}

// TestRender fills placeholders, renders keys and nested messages in the
// text's language, and leaves a missing parameter visible.
func TestRender(t *testing.T) {
	p := P{"label": LabelExpectedClose, "value": "2025-02-30"}
	if got := Render(Zh, BadDate, p); got != "预计完成日期「2025-02-30」不是有效日期（格式 YYYY-MM-DD）" {
		t.Errorf("zh = %q", got)
	}
	if got := Render(En, BadDate, p); got != `Expected close date "2025-02-30" is not a valid date (YYYY-MM-DD)` {
		t.Errorf("en = %q", got)
	}
	if got := Render(En, TooLong, P{"label": Msg{Key: LabelNotes}}); got != "Notes is too long (at most {max} characters)" {
		t.Errorf("missing parameter: %q", got)
	}
}

// TestUse scans the Go sources: every key is used outside this package, and
// every use of a key with placeholders passes a msg.P literal naming exactly
// those placeholders ({message} comes from Wrap).
func TestUse(t *testing.T) {
	entries := catalogEntries(t)
	byName := map[string]entry{}
	for _, e := range entries {
		byName[e.name] = e
	}
	used := map[string]bool{}
	fset := token.NewFileSet()
	root := filepath.Join("..", "..")
	var files []string
	roots, _ := filepath.Glob(filepath.Join(root, "*.go"))
	files = append(files, roots...)
	err := filepath.WalkDir(filepath.Join(root, "backend"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path == filepath.Join(root, "backend", "msg") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		test := strings.HasSuffix(path, "_test.go")
		checked := map[ast.Node]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for i, a := range call.Args {
				e, ok := keyRef(a, byName)
				if !ok {
					continue
				}
				checked[a] = true
				want := Placeholders(e.zh)
				var got []string
				if i+1 < len(call.Args) {
					got = pKeys(call.Args[i+1])
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Wrap" {
					got = append(got, "message")
					slices.Sort(got)
				}
				if len(want) > 0 && !slices.Equal(want, got) {
					t.Errorf("%s: msg.%s needs parameters %v, the call gives %v", fset.Position(a.Pos()), e.name, want, got)
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			e, ok := keyRef(n, byName)
			if !ok {
				return true
			}
			if !test {
				used[e.name] = true
			}
			if !checked[n] && len(Placeholders(e.zh)) > 0 {
				t.Errorf("%s: msg.%s has placeholders; pass it straight to a call followed by its msg.P literal", fset.Position(n.Pos()), e.name)
			}
			return true
		})
	}
	for _, e := range entries {
		if !used[e.name] {
			t.Errorf("%s: msg.%s (%s) is not used by any Go source outside backend/msg", e.pos, e.name, e.id)
		}
	}
}

// keyRef tells whether n is msg.Name for a catalog key.
func keyRef(n ast.Node, byName map[string]entry) (entry, bool) {
	sel, ok := n.(*ast.SelectorExpr)
	if !ok {
		return entry{}, false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok || x.Name != "msg" {
		return entry{}, false
	}
	e, ok := byName[sel.Sel.Name]
	return e, ok
}

// pKeys are the string keys of a msg.P{...} literal, sorted; nil otherwise.
func pKeys(n ast.Expr) []string {
	lit, ok := n.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	sel, ok := lit.Type.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "P" {
		return nil
	}
	var out []string
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if b, ok := kv.Key.(*ast.BasicLit); ok && b.Kind == token.STRING {
			s, _ := strconv.Unquote(b.Value)
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}
