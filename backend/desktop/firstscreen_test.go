package desktop

import (
	"context"
	"testing"
	"time"

	"funneldesk/backend/svc"
)

func TestAfterFirstScreen(t *testing.T) {
	tests := []struct {
		name     string
		ready    bool // the UI reported its first screen
		cancel   bool // the app is shutting down
		live     bool
		min, max time.Duration
	}{
		{name: "shown: waits the grace", ready: true, live: true, min: 40 * time.Millisecond, max: 900 * time.Millisecond},
		{name: "never shown: gives up at atMost", live: true, min: 150 * time.Millisecond, max: 2 * time.Second},
		{name: "shutting down", cancel: true, live: false, max: 900 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewService(svc.New(nil))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.ready {
				s.UIReady("dashboard", nil)
				s.UIReady("dashboard", nil) // a second report must not panic
			}
			if tt.cancel {
				cancel()
			}
			start := time.Now()
			live := AfterFirstScreen(ctx, s, 50*time.Millisecond, 200*time.Millisecond)
			took := time.Since(start)
			if live != tt.live {
				t.Errorf("live = %v, want %v", live, tt.live)
			}
			if took < tt.min || took > tt.max {
				t.Errorf("took %v, want between %v and %v", took, tt.min, tt.max)
			}
		})
	}
}
