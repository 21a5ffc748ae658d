package store

import (
	"context"
	"fmt"

	"funneldesk/backend/pinyin"
)

// pinyinTables are the tables with a name and its pinyin keys (migration
// 0010), with the key function for each: contacts are people, whose first
// character reads as a surname.
var pinyinTables = []struct {
	table string
	keys  func(string) (string, string)
}{
	{"customers", pinyin.Keys},
	{"contacts", pinyin.PersonKeys},
	{"opportunities", pinyin.Keys},
}

// backfillBatch is the number of rows keyed per transaction: big enough that
// commits cost little, small enough that the writer is not held for long.
const backfillBatch = 5000

// backfillPinyin writes the pinyin keys of every row that has none: the rows
// written before migration 0010, or by a tool that bypasses the store. It
// runs in batches, each its own transaction, so it can stop anywhere and
// the next Open carries on. NULLs come first in the key index, so each batch
// is found without a scan.
func (s *Store) backfillPinyin(ctx context.Context) error {
	// A file migrated only part of the way (tests that stop before 0010)
	// has no keys to fill.
	var has int
	if err := s.W.GetContext(ctx, &has, `SELECT COUNT(*) FROM schema_migrations WHERE version = 10`); err != nil {
		return fmt.Errorf("pinyin keys: %w", err)
	}
	if has == 0 {
		return nil
	}
	for _, t := range pinyinTables {
		for {
			n, err := s.backfillBatch(ctx, t.table, t.keys)
			if err != nil {
				return fmt.Errorf("pinyin keys of %s: %w", t.table, err)
			}
			if n < backfillBatch {
				break
			}
		}
	}
	return nil
}

func (s *Store) backfillBatch(ctx context.Context, table string, keys func(string) (string, string)) (int, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	n := 0
	err := s.Tx(ctx, func(tx Tx) error {
		if err := tx.SelectContext(ctx, &rows, `SELECT id, name FROM `+table+` WHERE name_py IS NULL LIMIT ?`, backfillBatch); err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		stmt, err := tx.PreparexContext(ctx, `UPDATE `+table+` SET name_py = ?, name_initials = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rows {
			full, ini := keys(r.Name)
			if _, err := stmt.ExecContext(ctx, full, ini, r.ID); err != nil {
				return err
			}
		}
		n = len(rows)
		return nil
	})
	return n, err
}

// pinyinIDs returns a query for the ids of table's rows whose full pinyin
// or initials start with key (from pinyin.Query): two index ranges.
func pinyinIDs(table, key string) (string, []any) {
	hi := pinyin.Upper(key)
	return `SELECT id FROM ` + table + ` WHERE name_py >= ? AND name_py < ?
		UNION ALL SELECT id FROM ` + table + ` WHERE name_initials >= ? AND name_initials < ?`,
		[]any{key, hi, key, hi}
}

// nameMatch is the condition that alias's name contains s, or, when s reads
// as pinyin, that its pinyin keys start with it. Both parts are
// uncorrelated IN lists on the id, built once per query from index ranges:
// the name's bigrams (migration 0025, gramIDs; candidates checked with LIKE
// when s has three or more characters) and the pinyin keys.
func nameMatch(alias, table, s string) (string, []any) {
	cond, args := nameContains(alias, table, s)
	if key, ok := pinyin.Query(s); ok {
		ids, a := pinyinIDs(table, key)
		cond = `(` + cond + ` OR ` + alias + `.id IN (` + ids + `))`
		args = append(args, a...)
	}
	return cond, args
}

// nameContains is the condition that alias's name contains s, the same
// rows as name LIKE '%s%' (TestNameContainsIsLike compares them).
func nameContains(alias, table, s string) (string, []any) {
	like := "%" + escapeLike(s) + "%"
	cond := alias + `.name LIKE ? ESCAPE '\'`
	ids, a, exact, ok := gramIDs(table, s)
	switch {
	case !ok:
		return cond, []any{like}
	case exact:
		return alias + `.id IN (` + ids + `)`, a
	}
	return `(` + alias + `.id IN (` + ids + `) AND ` + cond + `)`, append(a, like)
}
