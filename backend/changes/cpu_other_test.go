//go:build !unix

package changes_test

import "time"

func cpuTime() time.Duration { return 0 }
