package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestImportTxOutlastingTheIdleCheckpoint: an import that runs past the
// idle checkpoint armed by an earlier write finishes (the checkpoint waited
// for the import's connection while holding the lock the import's end
// needed).
func TestImportTxOutlastingTheIdleCheckpoint(t *testing.T) {
	old := idleCheckpoint
	idleCheckpoint = 20 * time.Millisecond
	t.Cleanup(func() { idleCheckpoint = old })
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	if err := st.Tx(ctx, func(tx Tx) error { _, err := InsertOwner(ctx, tx, "甲", true); return err }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- st.ImportTx(ctx, func(tx Tx) error {
			time.Sleep(200 * time.Millisecond) // the checkpoint comes due meanwhile
			_, err := InsertOwner(ctx, tx, "乙", true)
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ImportTx did not return: deadlocked with the idle checkpoint")
	}
}
