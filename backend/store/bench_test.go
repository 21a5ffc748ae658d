package store

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkSingleEdit times one user save: a transaction that updates one
// customer and commits (synchronous=FULL syncs the WAL at each commit).
func BenchmarkSingleEdit(b *testing.B) {
	ctx := context.Background()
	st, err := Open(filepath.Join(b.TempDir(), "edit.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	oid, _ := InsertOwner(ctx, st.W, "张三", true)
	id, err := InsertCustomer(ctx, st.W, Customer{Name: "大商股份", OwnerID: &oid})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := st.Tx(ctx, func(tx Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE customers SET notes = ?, updated_at = ? WHERE id = ?`, i, Now(), id)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
