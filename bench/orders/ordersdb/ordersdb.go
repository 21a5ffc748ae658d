// Package ordersdb opens the benchmark database of products, quotes and
// orders named by FUNNELDESK_BENCH_ORDERS_DB (made by bench/orders), once per
// test binary, for the benchmarks of the product, quote, order and report
// packages.
package ordersdb

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"funneldesk/backend/store"
)

// Env names the variable holding the database path; a relative path is
// taken from the module root, so the same value works from any package.
const Env = "FUNNELDESK_BENCH_ORDERS_DB"

// AsOf is the generated data's today, the clock of the benchmarks.
var AsOf = time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)

// Customer and Owner are an average customer and salesperson of the data.
const (
	Customer = 4242
	Owner    = 7
)

var (
	once sync.Once
	st   *store.Store
	err  error
)

// Open returns the benchmark store, or skips b when Env is unset so a plain
// `go test` stays fast. A missing file is an error, never a new database.
func Open(b *testing.B) *store.Store {
	b.Helper()
	path := os.Getenv(Env)
	if path == "" {
		b.Skip(Env + " is not set; go run ./bench/orders makes the database")
	}
	once.Do(func() {
		if !filepath.IsAbs(path) {
			root, rerr := moduleRoot()
			if rerr != nil {
				err = rerr
				return
			}
			path = filepath.Join(root, path)
		}
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

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
