package cli

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the command to the file named by
// FUNNELDESK_CPUPROFILE, for speed work (go tool pprof BINARY FILE); the
// function it returns stops it.
func startProfile() func() {
	path := os.Getenv("FUNNELDESK_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
