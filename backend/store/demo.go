package store

import (
	"context"
	"fmt"
)

// DemoDependant is one kind of record that refers to the example data and
// was made after it: it keeps the example from being removed.
type DemoDependant struct {
	// Kind is contacts, followups, opportunities, opportunityLines, quotes or orders.
	Kind  string `db:"kind"`
	Count int    `db:"n"`
}

// DemoDependants counts what refers to the example's customers and
// opportunities besides the example itself: contacts, follow-ups, other
// opportunities, product lines, quotes and orders. Kinds with none are left
// out.
func DemoDependants(ctx context.Context, q Querier, customerIDs, oppIDs []int64) ([]DemoDependant, error) {
	if len(customerIDs) == 0 && len(oppIDs) == 0 {
		return nil, nil
	}
	cust, cargs := inInts("customer_id", customerIDs)
	opp, oargs := inInts("opportunity_id", oppIDs)
	notOpp, nargs := inInts("id", oppIDs)
	var args []any
	add := func(a ...[]any) {
		for _, x := range a {
			args = append(args, x...)
		}
	}
	sql := `SELECT 'contacts' AS kind, COUNT(*) AS n FROM contacts WHERE ` + cust
	add(cargs)
	sql += ` UNION ALL SELECT 'followups', COUNT(*) FROM followups WHERE ` + cust
	add(cargs)
	sql += ` UNION ALL SELECT 'opportunities', COUNT(*) FROM opportunities WHERE ` + cust + ` AND NOT ` + notOpp
	add(cargs, nargs)
	sql += ` UNION ALL SELECT 'opportunityLines', COUNT(*) FROM opportunity_lines WHERE ` + opp
	add(oargs)
	sql += ` UNION ALL SELECT 'quotes', COUNT(*) FROM quotes WHERE ` + cust + ` OR ` + opp
	add(cargs, oargs)
	sql += ` UNION ALL SELECT 'orders', COUNT(*) FROM orders WHERE ` + cust + ` OR ` + opp
	add(cargs, oargs)
	var all []DemoDependant
	if err := q.SelectContext(ctx, &all, sql, args...); err != nil {
		return nil, fmt.Errorf("demo dependants: %w", err)
	}
	var out []DemoDependant
	for _, d := range all {
		if d.Count > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}
