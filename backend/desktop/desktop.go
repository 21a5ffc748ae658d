// Package desktop gives the UI what only the desktop shell can: native save
// dialogs writing files the user picks, and a native open dialog.
package desktop

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/svc"
)

// Service is bound to the UI. Saving goes through svc.Env.SaveFile (the
// picker is SaveDialog on the desktop, the --save-dir headless).
type Service struct {
	ctx   context.Context
	env   *svc.Env
	shown chan struct{} // closed when the first screen has rendered
	once  sync.Once
}

// NewService returns the service. The files the open dialog returns are
// recorded in env: they are the only ones bound calls may read
// (svc.Env.MayOpen).
func NewService(env *svc.Env) *Service { return &Service{env: env, shown: make(chan struct{})} }

// AfterFirstScreen waits until the first screen has rendered and then grace
// more, or until atMost has passed since the call, or until ctx ends; it
// reports whether ctx is still live. Start-up work the first screen does
// not need (the daily backup copies the whole file) waits here, so that it
// does not share the machine with the cold start.
func AfterFirstScreen(ctx context.Context, s *Service, grace, atMost time.Duration) bool {
	limit := time.NewTimer(atMost)
	defer limit.Stop()
	select {
	case <-s.shown:
		select {
		case <-time.After(grace):
		case <-ctx.Done():
		}
	case <-limit.C:
	case <-ctx.Done():
	}
	return ctx.Err() == nil
}

// SetContext hands the service the Wails context at start-up. Lifecycle
// wiring is a function: a bound service's methods are only what the UI calls
// (see App.Bindings).
func SetContext(s *Service, ctx context.Context) { s.ctx = ctx }

// UIReady is called by the frontend once its first screen has rendered (the
// 工作台 with its figures); the line it prints is what the desktop smoke
// test and bench/coldstart.sh wait for. marks are the frontend's start-up
// steps (epoch ms), printed with the start-up trace.
func (s *Service) UIReady(screen string, marks map[string]float64) {
	Mark("ready")
	s.once.Do(func() { close(s.shown) })
	fmt.Println("FunnelDesk UI ready:", screen)
	if trace.on {
		fmt.Println(traceLine(marks))
	}
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
	path, err := runtime.OpenFileDialog(s.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
	if err == nil {
		s.env.Chose(path)
	}
	return path, err
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
			return nil, apperr.Invalid("patterns", msg.FilePatternInvalid, msg.P{"value": p})
		}
		parts = append(parts, "*."+strings.ToLower(ext))
	}
	joined := strings.Join(parts, ";")
	return []runtime.FileFilter{
		{DisplayName: "支持的文件 / Supported files (" + joined + ")", Pattern: joined},
		{DisplayName: "所有文件 / All files (*.*)", Pattern: "*.*"},
	}, nil
}
