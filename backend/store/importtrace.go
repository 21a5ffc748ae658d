package store

import (
	"fmt"
	"os"
	"time"
)

// importTrace, when FUNNELDESK_IMPORT_TRACE is set, prints how long each
// phase of an import took to stderr, in wall time and in the process's CPU
// time (on a busy machine the wall time alone says little): the figures
// issue 15's speed work is measured with, without a profiler.
var importTrace = os.Getenv("FUNNELDESK_IMPORT_TRACE") != ""

// ImportPhase starts timing a phase of an import; call the function it
// returns when the phase ends. Without FUNNELDESK_IMPORT_TRACE it does
// nothing.
func ImportPhase(name string) func() {
	if !importTrace {
		return func() {}
	}
	start, cpu := time.Now(), processCPU()
	return func() {
		fmt.Fprintf(os.Stderr, "import trace: %-28s %8.1f ms wall %8.1f ms cpu\n", name,
			float64(time.Since(start).Microseconds())/1000, float64((processCPU()-cpu).Microseconds())/1000)
	}
}
