// Package msg is the one catalog of the words users read from the backend:
// every error message and every field label, each under a key, in Chinese
// (zh-CN) and English. Errors carry a key and named parameters and are
// rendered here, so the UI and the CLI show the same text and a label such
// as 预计完成日期 is written once (catalog.go).
//
// A text names its parameters in braces: "客户「{name}」还有销售机会". A
// parameter that is itself a Key (a label, a status) or a Msg (a nested
// message) is rendered in the same language as the text around it.
package msg

import (
	"fmt"
	"sort"
	"strings"
)

// Lang is a language of the catalog.
type Lang string

// The languages every key has.
const (
	Zh Lang = "zh-CN"
	En Lang = "en"
)

// Key names one text of the catalog. It is a struct so that a key can only
// come from the catalog (a string literal does not convert to it); the
// catalog's variables are the only keys.
type Key struct{ id string }

// String is the key's dotted name, as the frontend receives it.
func (k Key) String() string { return k.id }

// MarshalText makes a key travel as its dotted name in JSON.
func (k Key) MarshalText() ([]byte, error) { return []byte(k.id), nil }

// P are the named parameters of a text.
type P map[string]any

// Msg is a key with its parameters: a message not yet rendered, used as a
// parameter of another (a row number around a row's problem).
type Msg struct {
	Key    Key `json:"key"`
	Params P   `json:"params,omitempty"`
}

type text struct{ zh, en string }

var (
	catalog = map[string]text{}
	keys    []Key
)

// def adds a key to the catalog; catalog.go calls it once per key.
func def(id, zh, en string) Key {
	if _, dup := catalog[id]; dup {
		panic("msg: key defined twice: " + id)
	}
	catalog[id] = text{zh, en}
	k := Key{id}
	keys = append(keys, k)
	return k
}

// Keys lists every key of the catalog, in the order they are defined.
func Keys() []Key { return append([]Key(nil), keys...) }

// Template is the unrendered text of k in lang ("" for an unknown key).
func Template(lang Lang, k Key) string {
	t := catalog[k.id]
	if lang == En {
		return t.en
	}
	return t.zh
}

// Render is the text of k in lang with its placeholders replaced by p. A
// placeholder p lacks stays visible as {name}, so a mistake shows rather
// than vanishes (and the catalog test catches it at the call).
func Render(lang Lang, k Key, p P) string {
	s := Template(lang, k)
	if len(p) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		v, ok := p[name]
		b.WriteString(s[:i])
		if ok {
			b.WriteString(value(lang, v))
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func value(lang Lang, v any) string {
	switch v := v.(type) {
	case Key:
		return Render(lang, v, nil)
	case Msg:
		return Render(lang, v.Key, v.Params)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// Placeholders are the parameter names a text uses, sorted, each once.
func Placeholders(s string) []string {
	seen := map[string]bool{}
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		if name := s[i+1 : i+j]; !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
		s = s[i+j+1:]
	}
	sort.Strings(out)
	return out
}
