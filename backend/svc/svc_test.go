package svc

import (
	"context"
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	fixed := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name    string
		spec    string
		want    func(got time.Time) bool
		wantErr bool
	}{
		{"empty is the system clock", "", func(g time.Time) bool { return time.Since(g).Abs() < time.Minute }, false},
		{"RFC 3339 is fixed", "2026-12-01T09:30:00Z", func(g time.Time) bool { return g.Equal(fixed) }, false},
		{"a date is local midnight", "2026-03-04", func(g time.Time) bool {
			return g.Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.Local))
		}, false},
		{"a positive offset", "+48h", func(g time.Time) bool { return (time.Until(g) - 48*time.Hour).Abs() < time.Minute }, false},
		{"a negative offset", "-30m", func(g time.Time) bool { return (time.Since(g) - 30*time.Minute).Abs() < time.Minute }, false},
		{"an impossible date", "2025-02-30", nil, true},
		{"a bad offset", "+2x", nil, true},
		{"words", "tomorrow", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseClock(tt.spec)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseClock(%q) = nil error, want one", tt.spec)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c(); !tt.want(got) {
				t.Errorf("ParseClock(%q)() = %v", tt.spec, got)
			}
		})
	}
}

func TestEnvClockAndContext(t *testing.T) {
	e := New(Fixed(time.Date(2026, 1, 31, 23, 0, 0, 0, time.Local)))
	if got := e.Today(); got != "2026-01-31" {
		t.Errorf("Today = %s", got)
	}
	e.SetClock(Fixed(time.Date(2026, 2, 1, 8, 0, 0, 0, time.Local)))
	if got := e.Today(); got != "2026-02-01" {
		t.Errorf("Today after SetClock = %s", got)
	}
	if e.Ctx().Err() != nil {
		t.Fatal("context cancelled before Stop")
	}
	parent, cancelParent := context.WithCancel(context.Background())
	defer cancelParent()
	e.Start(parent)
	ctx := e.Ctx()
	e.Stop()
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
		t.Fatal("Stop did not cancel the services' context")
	}
}
