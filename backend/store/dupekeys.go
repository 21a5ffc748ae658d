package store

import (
	"context"
	"fmt"

	"funneldesk/backend/dupe"
)

// backfillDupeKeys writes the duplicate keys of every customer and contact
// that has none (rows written before migration 0013), in batches like the
// pinyin keys, so it can stop anywhere and the next Open carries on.
func (s *Store) backfillDupeKeys(ctx context.Context) error {
	var has int
	if err := s.W.GetContext(ctx, &has, `SELECT COUNT(*) FROM schema_migrations WHERE version = 13`); err != nil {
		return fmt.Errorf("duplicate keys: %w", err)
	}
	if has == 0 {
		return nil
	}
	for {
		var rows []struct {
			ID    int64  `db:"id"`
			Name  string `db:"name"`
			Phone string `db:"phone"`
		}
		err := s.Tx(ctx, func(tx Tx) error {
			if err := tx.SelectContext(ctx, &rows, `SELECT id, name, phone FROM customers WHERE name_key IS NULL LIMIT ?`, backfillBatch); err != nil {
				return err
			}
			for _, r := range rows {
				if _, err := tx.ExecContext(ctx, `UPDATE customers SET name_key = ?, phone_key = ? WHERE id = ?`,
					dupe.Name(r.Name), dupe.Phone(r.Phone), r.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("duplicate keys of customers: %w", err)
		}
		if len(rows) < backfillBatch {
			break
		}
	}
	for {
		var rows []struct {
			ID    int64  `db:"id"`
			Phone string `db:"phone"`
			Email string `db:"email"`
		}
		err := s.Tx(ctx, func(tx Tx) error {
			if err := tx.SelectContext(ctx, &rows, `SELECT id, phone, email FROM contacts WHERE phone_key IS NULL LIMIT ?`, backfillBatch); err != nil {
				return err
			}
			for _, r := range rows {
				if _, err := tx.ExecContext(ctx, `UPDATE contacts SET phone_key = ?, email_key = ? WHERE id = ?`,
					dupe.Phone(r.Phone), dupe.Email(r.Email), r.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("duplicate keys of contacts: %w", err)
		}
		if len(rows) < backfillBatch {
			break
		}
	}
	return nil
}

// DupeMatch is a customer that shares a duplicate key with a candidate.
type DupeMatch struct {
	ID        int64  `db:"id" json:"id"`
	Name      string `db:"name" json:"name"`
	By        string `db:"by" json:"by"` // name, phone or email
	Status    string `db:"status" json:"status"`
	OwnerID   *int64 `db:"owner_id" json:"ownerId"`
	OwnerName string `db:"owner_name" json:"ownerName"`
	PoolID    *int64 `db:"pool_id" json:"poolId"`
	PoolName  string `db:"pool_name" json:"poolName"`
}

// FindDupes returns the customers (other than excludeID) whose name key,
// phone key (theirs or a contact's) or a contact's email key equals the
// given keys; an empty key matches nothing. Each lookup is an index probe.
func FindDupes(ctx context.Context, q Querier, nameKey, phoneKey, emailKey string, excludeID int64) ([]DupeMatch, error) {
	out := []DupeMatch{}
	err := q.SelectContext(ctx, &out, `WITH m(id, by) AS (
		SELECT id, 'name' FROM customers WHERE ? <> '' AND name_key = ?
		UNION ALL SELECT id, 'phone' FROM customers WHERE ? <> '' AND phone_key = ? AND phone_key <> ''
		UNION ALL SELECT customer_id, 'phone' FROM contacts WHERE ? <> '' AND phone_key = ? AND phone_key <> ''
		UNION ALL SELECT customer_id, 'email' FROM contacts WHERE ? <> '' AND email_key = ? AND email_key <> '')
		SELECT c.id, c.name, MIN(m.by) AS by, c.status, c.owner_id, COALESCE(w.name, '') AS owner_name, c.pool_id,
			COALESCE(p.name, '') AS pool_name
		FROM m JOIN customers c ON c.id = m.id LEFT JOIN owners w ON w.id = c.owner_id LEFT JOIN pools p ON p.id = c.pool_id
		WHERE c.id <> ? GROUP BY c.id ORDER BY c.id LIMIT 20`,
		nameKey, nameKey, phoneKey, phoneKey, phoneKey, phoneKey, emailKey, emailKey, excludeID)
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	return out, nil
}
