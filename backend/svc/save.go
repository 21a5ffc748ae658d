package svc

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Picker asks where to save a file suggested as name and returns the chosen
// path, or "" when the user cancelled. The desktop app's picker is the native
// save dialog; the headless server's puts every file into its --save-dir.
type Picker func(name string) (string, error)

// DirPicker saves every file into dir under its suggested (base) name: the
// headless server and tests, where there is no dialog to ask.
func DirPicker(dir string) Picker {
	return func(name string) (string, error) {
		if dir == "" {
			return "", fmt.Errorf("no save dialog and no save folder")
		}
		return filepath.Join(dir, filepath.Base(name)), nil
	}
}

// SetPicker sets how SaveFile asks for a path (nil: saving is refused).
func (e *Env) SetPicker(p Picker) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.picker = p
}

// SaveFile is how every export reaches the disk: Go asks where (the native
// dialog), then streams the file there through write; nothing travels through
// the bridge. It writes a temporary file beside the target and renames it into
// place only when write succeeded, so a failed or cancelled export never
// leaves a half file under the chosen name. It returns the path written, or ""
// when the user cancelled the dialog.
func (e *Env) SaveFile(name string, write func(w io.Writer) error) (string, error) {
	e.mu.RLock()
	pick := e.picker
	e.mu.RUnlock()
	if pick == nil {
		return "", fmt.Errorf("saving files is not available here")
	}
	path, err := pick(sanitizeName(name))
	if err != nil || path == "" {
		return "", err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return "", err
	}
	if err := e.Ctx().Err(); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", err
	}
	ok = true
	return path, nil
}

// sanitizeName keeps a suggested file name a plain name: no folders, none of
// the characters Windows refuses in a file name.
func sanitizeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '_'
		}
		return r
	}, name)
}
