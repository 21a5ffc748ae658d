// Package desktop gives the UI what only the desktop shell can: native save
// dialogs writing files the user picks, and a native open dialog.
package desktop

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"funneldesk/backend/apperr"
	"funneldesk/backend/svc"
)

// Service is bound to the UI. Without a Wails context (the headless server
// used by the browser tests) files go to SaveDir instead of a dialog.
type Service struct {
	ctx     context.Context
	SaveDir string
}

// NewService returns the service; saveDir is used only when headless.
func NewService(saveDir string) *Service { return &Service{SaveDir: saveDir} }

// SetContext hands the service the Wails context at start-up. It is a
// function, not a method, so that Wails does not bind it.
func SetContext(s *Service, ctx context.Context) { s.ctx = ctx }

// UIReady is called by the frontend once its main screen has rendered; the
// line it prints is what the desktop smoke test waits for.
func (s *Service) UIReady(screen string) {
	fmt.Println("FunnelDesk UI ready:", screen)
}

// SaveBase64 asks where to save binary content (a PNG) sent as base64 and
// writes it. It returns the path written, or "" when the user cancelled.
// Exports are written by Go (svc.Env.SaveFile); only the funnel's PNG still
// comes this way.
func (s *Service) SaveBase64(suggestedName, b64 string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return "", apperr.Invalid("content", "文件内容无效", "Invalid file content")
	}
	return s.save(suggestedName, b)
}

func (s *Service) save(name string, b []byte) (string, error) {
	name = filepath.Base(name)
	var path string
	if s.ctx == nil {
		if s.SaveDir == "" {
			return "", apperr.Conflict("", "无法打开保存对话框", "No save dialog available")
		}
		path = filepath.Join(s.SaveDir, name)
	} else {
		p, err := runtime.SaveFileDialog(s.ctx, runtime.SaveDialogOptions{DefaultFilename: name, Title: "保存 / Save"})
		if err != nil {
			return "", err
		}
		if p == "" {
			return "", nil
		}
		path = p
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", apperr.Conflict("", "无法写入文件："+err.Error(), "Cannot write the file: "+err.Error())
	}
	return path, nil
}

// SaveDialog is the desktop app's svc.Picker: the native save dialog,
// suggesting name and offering files of its extension first.
func SaveDialog(ctx context.Context) svc.Picker {
	return func(name string) (string, error) {
		opts := runtime.SaveDialogOptions{DefaultFilename: name, Title: "保存 / Save"}
		if ext := strings.TrimPrefix(filepath.Ext(name), "."); ext != "" {
			opts.Filters = []runtime.FileFilter{{DisplayName: strings.ToUpper(ext) + " (*." + ext + ")", Pattern: "*." + ext}}
		}
		return runtime.SaveFileDialog(ctx, opts)
	}
}

// DefaultOpenPatterns are the files the import screen reads.
const DefaultOpenPatterns = "*.csv;*.txt;*.xlsx"

// OpenFile asks which file to open with a native dialog showing the files
// that match patterns ("*.csv;*.txt;*.xlsx"; empty: DefaultOpenPatterns).
// It returns the path, or "" when the user cancelled. Headless there is no
// dialog and it returns "": the browser picks a file with <input type=file>.
func (s *Service) OpenFile(title, patterns string) (string, error) {
	filters, err := OpenFilters(patterns)
	if err != nil {
		return "", err
	}
	if s.ctx == nil {
		return "", nil
	}
	if strings.TrimSpace(title) == "" {
		title = "打开 / Open"
	}
	return runtime.OpenFileDialog(s.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

// OpenFilters turns "*.csv;*.xlsx" into the dialog's filters: those files
// first, then all files. Only "*.ext" patterns are accepted.
func OpenFilters(patterns string) ([]runtime.FileFilter, error) {
	if strings.TrimSpace(patterns) == "" {
		patterns = DefaultOpenPatterns
	}
	var parts []string
	for _, p := range strings.Split(patterns, ";") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		ext, ok := strings.CutPrefix(p, "*.")
		if !ok || ext == "" || strings.ContainsAny(ext, "*?/\\;") {
			return nil, apperr.Invalid("patterns", "文件类型「"+p+"」无效（应为 *.csv 这样的形式）",
				"Invalid file pattern \""+p+"\" (expected something like *.csv)")
		}
		parts = append(parts, "*."+strings.ToLower(ext))
	}
	joined := strings.Join(parts, ";")
	return []runtime.FileFilter{
		{DisplayName: "支持的文件 / Supported files (" + joined + ")", Pattern: joined},
		{DisplayName: "所有文件 / All files (*.*)", Pattern: "*.*"},
	}, nil
}
