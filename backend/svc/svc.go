// Package svc is what every bound service is built and started with: the
// app's context, cancelled at shutdown so that a long import or export stops
// cleanly, and the clock that time-based rules read ("today", recycling after
// N days, reports as of a date), so that tests can fix it.
//
// Env is a plain struct, not a bound service: a bound service's exported
// methods are exactly what the UI calls (see App.Bindings in the main
// package), so lifecycle plumbing lives here, outside their method sets.
package svc

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Clock returns the current time.
type Clock func() time.Time

// System is the machine's clock.
func System() time.Time { return time.Now() }

// Fixed is a clock that always answers t.
func Fixed(t time.Time) Clock { return func() time.Time { return t } }

// Offset is the system clock moved by d.
func Offset(d time.Duration) Clock { return func() time.Time { return time.Now().Add(d) } }

// ParseClock reads the headless server's --clock test aid: "" is the system
// clock; an RFC 3339 time or a YYYY-MM-DD date (local midnight) is a fixed
// clock; "+72h" or "-30m" is the system clock moved by that duration.
func ParseClock(spec string) (Clock, error) {
	spec = strings.TrimSpace(spec)
	switch {
	case spec == "":
		return System, nil
	case strings.HasPrefix(spec, "+") || strings.HasPrefix(spec, "-"):
		d, err := time.ParseDuration(spec)
		if err != nil {
			return nil, fmt.Errorf("clock offset %q: %w", spec, err)
		}
		return Offset(d), nil
	}
	if t, err := time.Parse(time.RFC3339, spec); err == nil {
		return Fixed(t), nil
	}
	if t, err := time.ParseInLocation("2006-01-02", spec, time.Local); err == nil {
		return Fixed(t), nil
	}
	return nil, fmt.Errorf("clock %q: want RFC 3339, YYYY-MM-DD or an offset such as +48h", spec)
}

// Env is shared by all services of one app: one context, one clock.
type Env struct {
	mu     sync.RWMutex
	ctx    context.Context
	cancel context.CancelFunc
	now    Clock
	picker Picker
	// chosen and openDirs are the files bound calls may read (open.go).
	chosen   []string
	openDirs []string
}

// New returns an Env reading now (nil: the system clock). Until Start its
// context is a background one, which is what the CLI and tests use.
func New(now Clock) *Env {
	if now == nil {
		now = System
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Env{ctx: ctx, cancel: cancel, now: now}
}

// Start hands the services the app's context (Wails' OnStartup context).
func (e *Env) Start(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	e.mu.Lock()
	e.ctx, e.cancel = ctx, cancel
	e.mu.Unlock()
}

// Stop cancels the context: work still running sees ctx.Err() and stops.
func (e *Env) Stop() {
	e.mu.RLock()
	defer e.mu.RUnlock()
	e.cancel()
}

// Ctx is the context service calls run under.
func (e *Env) Ctx() context.Context {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.ctx
}

// Now reads the clock.
func (e *Env) Now() time.Time {
	e.mu.RLock()
	now := e.now
	e.mu.RUnlock()
	return now()
}

// Today is the clock's date as YYYY-MM-DD in local time.
func (e *Env) Today() string { return e.Now().Format("2006-01-02") }

// SetClock replaces the clock (tests that move through time).
func (e *Env) SetClock(now Clock) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.now = now
}
