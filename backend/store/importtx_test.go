package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestImportOutlastingIdleCheckpoint: an import that takes longer than the
// idle checkpoint armed by an earlier write finishes (it used to deadlock:
// the due checkpoint held s.mu waiting for the writer connection the
// import held while it armed the next checkpoint under s.mu).
func TestImportOutlastingIdleCheckpoint(t *testing.T) {
	old := idleCheckpoint
	idleCheckpoint = 50 * time.Millisecond
	t.Cleanup(func() { idleCheckpoint = old })
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	if err := st.Tx(ctx, func(tx Tx) error { _, err := InsertOwner(ctx, tx, "张三", true); return err }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- st.ImportTx(ctx, func(tx Tx) error {
			time.Sleep(300 * time.Millisecond) // the checkpoint falls due meanwhile
			_, err := InsertOwner(ctx, tx, "李四", true)
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ImportTx did not return: deadlock with the idle checkpoint")
	}
}
