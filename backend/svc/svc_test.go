package svc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

func TestSaveFile(t *testing.T) {
	dir := t.TempDir()
	e := New(nil)
	if _, err := e.SaveFile("x.csv", func(w io.Writer) error { return nil }); err == nil {
		t.Fatal("saving without a picker must fail")
	}
	e.SetPicker(DirPicker(dir))
	path, err := e.SaveFile("../evil/a:b.csv", func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "a_b.csv"); path != want {
		t.Fatalf("path %q, want %q", path, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "hello" {
		t.Fatalf("content %q", b)
	}
	// A failed write leaves neither the target nor a temporary file.
	_, err = e.SaveFile("failed.csv", func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("boom") })
	if err == nil {
		t.Fatal("a failed write must report its error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("after a failed write the folder holds %d entries, want only a_b.csv", len(entries))
	}
	// Cancelling the dialog writes nothing and is not an error.
	e.SetPicker(func(string) (string, error) { return "", nil })
	called := false
	if path, err := e.SaveFile("c.csv", func(io.Writer) error { called = true; return nil }); err != nil || path != "" || called {
		t.Fatalf("cancel: path %q err %v called %v", path, err, called)
	}
}

func TestChoseKeepsTheLastFew(t *testing.T) {
	e := New(nil)
	for i := 0; i < keptChoices+3; i++ {
		e.Chose(fmt.Sprintf("/home/u/f%d.csv", i))
	}
	tests := []struct {
		path string
		want bool
	}{
		{"/home/u/f0.csv", false}, // forgotten: older than the last keptChoices
		{"/home/u/f2.csv", false},
		{"/home/u/f3.csv", true},
		{fmt.Sprintf("/home/u/f%d.csv", keptChoices+2), true},
		{"/home/u/./f3.csv", true}, // the same file, written differently
		{"/home/u/f3.csv.bak", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := e.MayOpen(tt.path); got != tt.want {
			t.Errorf("MayOpen(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
