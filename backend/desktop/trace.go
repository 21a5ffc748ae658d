package desktop

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// The start-up trace: with FUNNELDESK_STARTUP_TRACE=1 in the environment the
// app notes the wall-clock time of each start-up step (Mark on the Go side,
// the frontend's marks handed to UIReady) and prints them all on one line
// after the UI-ready line, for bench/coldstart.sh to break the cold start
// down. Without it Mark costs one bool read.
var trace = struct {
	mu    sync.Mutex
	on    bool
	marks map[string]float64
}{on: os.Getenv("FUNNELDESK_STARTUP_TRACE") == "1", marks: map[string]float64{}}

// Mark notes that the start-up step happened now.
func Mark(step string) {
	if !trace.on {
		return
	}
	now := float64(time.Now().UnixNano()) / 1e6
	trace.mu.Lock()
	defer trace.mu.Unlock()
	if _, seen := trace.marks[step]; !seen {
		trace.marks[step] = now
	}
}

// traceLine is the trace's line: "FunnelDesk start-up: step=epochms ..." in
// time order, the frontend's marks (epoch ms) prefixed with "js.".
func traceLine(js map[string]float64) string {
	trace.mu.Lock()
	defer trace.mu.Unlock()
	type kv struct {
		k string
		v float64
	}
	var all []kv
	for k, v := range trace.marks {
		all = append(all, kv{k, v})
	}
	for k, v := range js {
		if v > 0 {
			all = append(all, kv{"js." + k, v})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v < all[j].v })
	var b strings.Builder
	b.WriteString("FunnelDesk start-up:")
	for _, e := range all {
		fmt.Fprintf(&b, " %s=%.1f", e.k, e.v)
	}
	return b.String()
}
