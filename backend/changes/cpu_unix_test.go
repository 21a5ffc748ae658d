//go:build unix

package changes_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's CPU time so far: on the shared build machine
// wall time mostly measures the other processes' load.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
