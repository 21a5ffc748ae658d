// Package benchdb opens the large benchmark database named by the
// FUNNELDESK_BENCH_DB environment variable, once per test binary, for the
// benchmarks of the backend packages (bench/run.sh generates it).
package benchdb

import (
	"os"
	"sync"
	"testing"

	"funneldesk/backend/store"
)

// Env names the variable holding the benchmark database path.
const Env = "FUNNELDESK_BENCH_DB"

var (
	once sync.Once
	st   *store.Store
	err  error
)

// Open returns the benchmark store, or skips b when Env is unset so a plain
// `go test` stays fast. The store stays open for the life of the process.
// Opening applies pending migrations, so new indexes are built on first use.
func Open(b *testing.B) *store.Store {
	b.Helper()
	path := os.Getenv(Env)
	if path == "" {
		b.Skip(Env + " is not set; bench/run.sh generates the database and sets it")
	}
	once.Do(func() {
		if _, statErr := os.Stat(path); statErr != nil {
			err = statErr
			return
		}
		st, err = store.Open(path)
	})
	if err != nil {
		b.Fatalf("open benchmark database: %v", err)
	}
	return st
}
