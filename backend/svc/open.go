package svc

import (
	"path/filepath"
	"strings"
)

// keptChoices bounds how many paths the open dialog returned are remembered:
// the import screen reads the one just chosen, so a handful is plenty.
const keptChoices = 8

// Which files a bound call may read. The page names the path, and a page
// must not be able to read any file the user can: a bound call reads only a
// file the user chose in the native open dialog (Chose records it), or, in
// the headless server, one under its --save-dir or --open-dir (OpenUnder).

// Chose records a path the native open dialog returned.
func (e *Env) Chose(path string) {
	if path == "" {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.chosen = append(e.chosen, filepath.Clean(path))
	if len(e.chosen) > keptChoices {
		e.chosen = e.chosen[len(e.chosen)-keptChoices:]
	}
}

// OpenUnder lets bound calls read the files under dirs (the headless
// server's --save-dir and --open-dir; empty names are skipped).
func (e *Env) OpenUnder(dirs ...string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, d := range dirs {
		if d != "" {
			e.openDirs = append(e.openDirs, realPath(d))
		}
	}
}

// MayOpen tells whether a bound call may read path: a file chosen in the
// open dialog, or a file under one of the OpenUnder folders once symbolic
// links are resolved (a link inside the folder may not lead out of it).
func (e *Env) MayOpen(path string) bool {
	if strings.TrimSpace(path) == "" {
		return false
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	clean := filepath.Clean(path)
	for _, c := range e.chosen {
		if c == clean {
			return true
		}
	}
	if len(e.openDirs) == 0 {
		return false
	}
	real := realPath(path)
	for _, d := range e.openDirs {
		if rel, err := filepath.Rel(d, real); err == nil && rel != "." && rel != ".." &&
			!strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// realPath is path made absolute with its symbolic links resolved; for a
// file that does not exist its folder is resolved, so that it is refused or
// reported missing as the folder says.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(r, filepath.Base(abs))
	}
	return abs
}
