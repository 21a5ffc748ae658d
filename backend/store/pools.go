package store

import (
	"context"
	"fmt"
	"strings"
)

// Team is a node of the team tree (company → team → sub-team).
type Team struct {
	ID          int64  `db:"id" json:"id"`
	Name        string `db:"name" json:"name"`
	ParentID    *int64 `db:"parent_id" json:"parentId"`
	ManagerID   *int64 `db:"manager_id" json:"managerId"`
	ManagerName string `db:"manager_name" json:"managerName"`
	Members     int    `db:"members" json:"members"`
}

const teamSelect = `SELECT t.id, t.name, t.parent_id, t.manager_id, COALESCE(w.name, '') AS manager_name,
	(SELECT COUNT(*) FROM owners o WHERE o.team_id = t.id) AS members
	FROM teams t LEFT JOIN owners w ON w.id = t.manager_id`

// ListTeams returns every team, parents before children (by id within).
func ListTeams(ctx context.Context, q Querier) ([]Team, error) {
	out := []Team{}
	err := q.SelectContext(ctx, &out, teamSelect+` ORDER BY t.id`)
	return out, err
}

// GetTeam returns one team or ErrNotFound.
func GetTeam(ctx context.Context, q Querier, id int64) (Team, error) {
	var t Team
	err := q.GetContext(ctx, &t, teamSelect+` WHERE t.id = ?`, id)
	return t, notFound(err)
}

// InsertTeam adds a team under parent.
func InsertTeam(ctx context.Context, q Querier, t Team) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO teams (name, parent_id, manager_id, created_at) VALUES (?, ?, ?, ?)`,
		t.Name, t.ParentID, t.ManagerID, Now())
	if err != nil {
		return 0, fmt.Errorf("insert team: %w", err)
	}
	return res.LastInsertId()
}

// UpdateTeam renames, moves or changes the manager of a team.
func UpdateTeam(ctx context.Context, q Querier, t Team) error {
	_, err := q.ExecContext(ctx, `UPDATE teams SET name = ?, parent_id = ?, manager_id = ? WHERE id = ?`,
		t.Name, t.ParentID, t.ManagerID, t.ID)
	return err
}

// TeamUsage counts what hangs on a team: sub-teams, members, pool grants.
func TeamUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM teams WHERE parent_id = ?) + (SELECT COUNT(*) FROM owners WHERE team_id = ?)`, id, id)
	return n, err
}

// DeleteTeam removes an empty team.
func DeleteTeam(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM teams WHERE id = ?`, id)
	return err
}

// SetOwnerTeam moves a salesperson to a team (nil: none); their customers,
// opportunities and history stay theirs.
func SetOwnerTeam(ctx context.Context, q Querier, ownerID int64, teamID *int64) error {
	_, err := q.ExecContext(ctx, `UPDATE owners SET team_id = ? WHERE id = ?`, teamID, ownerID)
	return err
}

// OwnerTeams maps each salesperson to their team (absent: none).
func OwnerTeams(ctx context.Context, q Querier) (map[int64]int64, error) {
	var rows []struct {
		ID     int64 `db:"id"`
		TeamID int64 `db:"team_id"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT id, team_id FROM owners WHERE team_id IS NOT NULL`); err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.TeamID
	}
	return out, nil
}

// TeamAndBelow returns the id of team and of every team below it.
func TeamAndBelow(ctx context.Context, q Querier, team int64) ([]int64, error) {
	out := []int64{}
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM teams t JOIN sub ON t.parent_id = sub.id)
		SELECT id FROM sub ORDER BY id`, team)
	return out, err
}

// OwnersInTeam returns the salespeople of team and its sub-teams ("my team
// and its sub-teams"), the filter reports and targets use.
func OwnersInTeam(ctx context.Context, q Querier, team int64) ([]int64, error) {
	out := []int64{}
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM teams t JOIN sub ON t.parent_id = sub.id)
		SELECT o.id FROM owners o WHERE o.team_id IN (SELECT id FROM sub) ORDER BY o.id`, team)
	return out, err
}

// Pool is a public pool (公海池) with its settings.
type Pool struct {
	ID           int64  `db:"id" json:"id"`
	Name         string `db:"name" json:"name"`
	IsCompany    bool   `db:"is_company" json:"isCompany"`
	ManagerID    *int64 `db:"manager_id" json:"managerId"`
	ManagerName  string `db:"manager_name" json:"managerName"`
	ClaimEnabled bool   `db:"claim_enabled" json:"claimEnabled"`
	DailyLimit   int    `db:"daily_limit" json:"dailyLimit"`
	TotalLimit   int    `db:"total_limit" json:"totalLimit"`
	ReclaimDays  int    `db:"reclaim_days" json:"reclaimDays"`
	// Count is the customers waiting in the pool, Voided those voided in it.
	Count  int `db:"count" json:"count"`
	Voided int `db:"voided" json:"voided"`
}

const poolSelect = `SELECT p.id, p.name, p.is_company, p.manager_id, COALESCE(w.name, '') AS manager_name, p.claim_enabled,
	p.daily_limit, p.total_limit, p.reclaim_days,
	(SELECT COUNT(*) FROM customers c WHERE c.pool_id = p.id AND c.status = 'pool') AS count,
	(SELECT COUNT(*) FROM customers c WHERE c.pool_id = p.id AND c.status = 'voided') AS voided
	FROM pools p LEFT JOIN owners w ON w.id = p.manager_id`

// ListPools returns every pool, the company pool first, with its counts.
func ListPools(ctx context.Context, q Querier) ([]Pool, error) {
	out := []Pool{}
	err := q.SelectContext(ctx, &out, poolSelect+` ORDER BY p.is_company DESC, p.id`)
	return out, err
}

// GetPool returns one pool or ErrNotFound.
func GetPool(ctx context.Context, q Querier, id int64) (Pool, error) {
	var p Pool
	err := q.GetContext(ctx, &p, poolSelect+` WHERE p.id = ?`, id)
	return p, notFound(err)
}

// CompanyPool returns the id of the company pool (企业公海).
func CompanyPool(ctx context.Context, q Querier) (int64, error) {
	var id int64
	err := q.GetContext(ctx, &id, `SELECT id FROM pools WHERE is_company = 1`)
	return id, notFound(err)
}

// PoolByName returns the pool named name or ErrNotFound.
func PoolByName(ctx context.Context, q Querier, name string) (int64, error) {
	var id int64
	err := q.GetContext(ctx, &id, `SELECT id FROM pools WHERE name = ?`, name)
	return id, notFound(err)
}

// InsertPool adds a pool with its settings.
func InsertPool(ctx context.Context, q Querier, p Pool) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO pools (name, manager_id, claim_enabled, daily_limit, total_limit, reclaim_days, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, p.Name, p.ManagerID, boolInt(p.ClaimEnabled), p.DailyLimit, p.TotalLimit, p.ReclaimDays, Now())
	if err != nil {
		return 0, fmt.Errorf("insert pool: %w", err)
	}
	return res.LastInsertId()
}

// UpdatePool writes a pool's settings.
func UpdatePool(ctx context.Context, q Querier, p Pool) error {
	_, err := q.ExecContext(ctx, `UPDATE pools SET name = ?, manager_id = ?, claim_enabled = ?, daily_limit = ?, total_limit = ?,
		reclaim_days = ? WHERE id = ?`, p.Name, p.ManagerID, boolInt(p.ClaimEnabled), p.DailyLimit, p.TotalLimit, p.ReclaimDays, p.ID)
	return err
}

// PoolUsage counts the customers a pool holds or is home to.
func PoolUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM customers WHERE pool_id = ? OR home_pool_id = ? OR claimed_pool_id = ?`, id, id, id)
	return n, err
}

// DeletePool removes an empty pool.
func DeletePool(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM pools WHERE id = ?`, id)
	return err
}

// PoolMember grants a team (with its sub-teams) or a person a pool.
type PoolMember struct {
	TeamID  *int64 `db:"team_id" json:"teamId"`
	OwnerID *int64 `db:"owner_id" json:"ownerId"`
}

// PoolMembers returns who may see and claim from a pool (none: everyone).
func PoolMembers(ctx context.Context, q Querier, pool int64) ([]PoolMember, error) {
	out := []PoolMember{}
	err := q.SelectContext(ctx, &out, `SELECT team_id, owner_id FROM pool_members WHERE pool_id = ? ORDER BY team_id, owner_id`, pool)
	return out, err
}

// SetPoolMembers replaces who may see and claim from a pool.
func SetPoolMembers(ctx context.Context, q Querier, pool int64, ms []PoolMember) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM pool_members WHERE pool_id = ?`, pool); err != nil {
		return err
	}
	for _, m := range ms {
		if _, err := q.ExecContext(ctx, `INSERT INTO pool_members (pool_id, team_id, owner_id) VALUES (?, ?, ?)`, pool, m.TeamID, m.OwnerID); err != nil {
			return err
		}
	}
	return nil
}

// PoolRule recycles a pool's customers of one level (Level "" = the levels
// without a rule of their own). A 0 day count switches its condition off.
type PoolRule struct {
	ID             int64  `db:"id" json:"id"`
	PoolID         int64  `db:"pool_id" json:"poolId"`
	Level          string `db:"level" json:"level"`
	NoFollowUpDays int    `db:"no_followup_days" json:"noFollowUpDays"`
	NoWonDays      int    `db:"no_won_days" json:"noWonDays"`
	AfterOrderDays int    `db:"after_order_days" json:"afterOrderDays"`
	KeepStageID    *int64 `db:"keep_stage_id" json:"keepStageId"`
	KeepStageName  string `db:"keep_stage_name" json:"keepStageName"`
	// KeepPosition is the keep stage's position (0: none), for the pass.
	KeepPosition int `db:"keep_position" json:"-"`
	WarnDays     int `db:"warn_days" json:"warnDays"`
}

// ListRules returns the recycle rules of a pool (0: of every pool).
func ListRules(ctx context.Context, q Querier, pool int64) ([]PoolRule, error) {
	out := []PoolRule{}
	query := `SELECT r.id, r.pool_id, r.level, r.no_followup_days, r.no_won_days, r.after_order_days, r.keep_stage_id,
		COALESCE(s.name, '') AS keep_stage_name, COALESCE(s.position, 0) AS keep_position, r.warn_days
		FROM pool_rules r LEFT JOIN stages s ON s.id = r.keep_stage_id`
	var args []any
	if pool != 0 {
		query += ` WHERE r.pool_id = ?`
		args = append(args, pool)
	}
	err := q.SelectContext(ctx, &out, query+` ORDER BY r.pool_id, r.level`, args...)
	return out, err
}

// SetRules replaces the recycle rules of a pool.
func SetRules(ctx context.Context, q Querier, pool int64, rules []PoolRule) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM pool_rules WHERE pool_id = ?`, pool); err != nil {
		return err
	}
	for _, r := range rules {
		if _, err := q.ExecContext(ctx, `INSERT INTO pool_rules (pool_id, level, no_followup_days, no_won_days, after_order_days,
			keep_stage_id, warn_days) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			pool, r.Level, r.NoFollowUpDays, r.NoWonDays, r.AfterOrderDays, r.KeepStageID, r.WarnDays); err != nil {
			return fmt.Errorf("insert rule: %w", err)
		}
	}
	return nil
}

// Flow is one row of a customer's flow history (流转记录).
type Flow struct {
	ID          int64  `db:"id" json:"id"`
	CustomerID  int64  `db:"customer_id" json:"customerId"`
	Action      string `db:"action" json:"action"`
	At          string `db:"at" json:"at"`
	Day         string `db:"day" json:"-"`
	ActorID     *int64 `db:"actor_id" json:"actorId"`
	ActorName   string `db:"actor_name" json:"actorName"`
	ForID       *int64 `db:"for_id" json:"forId"`
	ForName     string `db:"for_name" json:"forName"`
	FromOwnerID *int64 `db:"from_owner_id" json:"-"`
	From        string `db:"from_text" json:"from"`
	To          string `db:"to_text" json:"to"`
	PoolID      *int64 `db:"pool_id" json:"poolId"`
	Rule        string `db:"rule" json:"rule"`
	Reason      string `db:"reason" json:"reason"`
}

// InsertFlow records one step of a customer's flow.
func InsertFlow(ctx context.Context, q Querier, f Flow) error {
	_, err := q.ExecContext(ctx, `INSERT INTO customer_flow (customer_id, action, at, day, actor_id, actor_name, for_id, for_name,
		from_owner_id, from_text, to_text, pool_id, rule, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.CustomerID, f.Action, f.At, f.Day, f.ActorID, f.ActorName, f.ForID, f.ForName, f.FromOwnerID, f.From, f.To, f.PoolID, f.Rule, f.Reason)
	if err != nil {
		return fmt.Errorf("insert flow: %w", err)
	}
	return nil
}

// ListFlow returns a customer's flow history, oldest first.
func ListFlow(ctx context.Context, q Querier, customer int64) ([]Flow, error) {
	out := []Flow{}
	err := q.SelectContext(ctx, &out, `SELECT id, customer_id, action, at, day, actor_id, actor_name, for_id, for_name, from_owner_id,
		from_text, to_text, pool_id, rule, reason FROM customer_flow WHERE customer_id = ? ORDER BY id`, customer)
	return out, err
}

// ClaimsOn counts a person's claims from a pool on a day (YYYY-MM-DD).
func ClaimsOn(ctx context.Context, q Querier, owner, pool int64, day string) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM customer_flow WHERE action = 'claim' AND for_id = ? AND pool_id = ? AND day = ?`,
		owner, pool, day)
	return n, err
}

// HeldFromPool counts the customers a person holds by a claim from a pool.
func HeldFromPool(ctx context.Context, q Querier, owner, pool int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM customers WHERE claimed_pool_id = ? AND owner_id = ? AND status = 'owned'`, pool, owner)
	return n, err
}

// LastLost returns the day and action of the last time owner returned or
// lost (recycle) the customer, or "" when never.
func LastLost(ctx context.Context, q Querier, customer, owner int64) (day, action string, err error) {
	var r struct {
		Day    string `db:"day"`
		Action string `db:"action"`
	}
	err = q.GetContext(ctx, &r, `SELECT day, action FROM customer_flow WHERE customer_id = ? AND from_owner_id = ?
		AND action IN ('return', 'recycle') ORDER BY day DESC, id DESC LIMIT 1`, customer, owner)
	if err != nil {
		if notFound(err) == ErrNotFound {
			return "", "", nil
		}
		return "", "", err
	}
	return r.Day, r.Action, nil
}

// SetCustomerOwned gives a customer to owner: claimedPool is the pool it
// was claimed from (nil for an assignment or a plain owner change), home the
// pool whose rules recycle it from now on.
func SetCustomerOwned(ctx context.Context, q Querier, id, owner int64, home int64, claimedPool *int64, since string) error {
	_, err := q.ExecContext(ctx, `UPDATE customers SET status = 'owned', owner_id = ?, pool_id = NULL, home_pool_id = ?, claimed_pool_id = ?,
		owned_since = ?, pool_since = '', pool_reason = '', updated_at = ? WHERE id = ?`, owner, home, claimedPool, since, Now(), id)
	return err
}

// SetCustomerInPool puts a customer into a pool (status pool or voided),
// without an owner.
func SetCustomerInPool(ctx context.Context, q Querier, id, pool int64, status, since, reason string) error {
	_, err := q.ExecContext(ctx, `UPDATE customers SET status = ?, owner_id = NULL, pool_id = ?, home_pool_id = ?, claimed_pool_id = NULL,
		pool_since = ?, pool_reason = ?, updated_at = ? WHERE id = ?`, status, pool, pool, since, reason, Now(), id)
	return err
}

// PoolFilter selects a page of a pool's customers.
type PoolFilter struct {
	PoolID   int64
	Voided   bool
	Query    string
	Level    string
	Source   string
	Industry string
	Region   string // a part of the address
	Reason   string // a part of the return / recycle / void reason
	// NoFollowUpDays > 0: the last follow-up (or none) is at least this
	// many days before Today.
	NoFollowUpDays int
	// InPoolDays > 0: in the pool at least this many days before Today.
	InPoolDays    int
	Today         string
	Sort          string // name (default), poolSince, lastFollowUp, level
	Desc          bool
	Offset, Limit int
}

// PoolCustomer is one row of a pool page.
type PoolCustomer struct {
	Customer
	LastFollowUp string `db:"last_followup" json:"lastFollowUp"`
}

// ListPoolCustomers returns a page of a pool's customers and the total.
// The pool index (pool_id, status, name_py) answers the default order; the
// last follow-up is read per row of the page only, unless a filter or the
// sort needs it.
func ListPoolCustomers(ctx context.Context, q Querier, f PoolFilter) ([]PoolCustomer, int, error) {
	status := CustomerPool
	if f.Voided {
		status = CustomerVoided
	}
	w := where{}
	w.add(`c.pool_id = ?`, f.PoolID)
	w.add(`c.status = ?`, status)
	if s := strings.TrimSpace(f.Query); s != "" {
		name, a := nameMatch("c", "customers", s)
		w.add(`(`+name+` OR c.phone LIKE ? ESCAPE '\')`, append(a, "%"+escapeLike(s)+"%")...)
	}
	if f.Level != "" {
		w.add(`c.level = ?`, f.Level)
	}
	if f.Source != "" {
		w.add(`c.source = ?`, f.Source)
	}
	if f.Industry != "" {
		w.add(`c.industry = ?`, f.Industry)
	}
	if s := strings.TrimSpace(f.Region); s != "" {
		w.add(`c.address LIKE ? ESCAPE '\'`, "%"+escapeLike(s)+"%")
	}
	if s := strings.TrimSpace(f.Reason); s != "" {
		w.add(`c.pool_reason LIKE ? ESCAPE '\'`, "%"+escapeLike(s)+"%")
	}
	if f.NoFollowUpDays > 0 {
		w.add(`COALESCE((SELECT MAX(fu.date) FROM followups fu WHERE fu.customer_id = c.id), '') <= date(?, ?)`,
			f.Today, fmt.Sprintf("-%d days", f.NoFollowUpDays))
	}
	if f.InPoolDays > 0 {
		w.add(`substr(c.pool_since, 1, 10) <= date(?, ?)`, f.Today, fmt.Sprintf("-%d days", f.InPoolDays))
	}
	cond := w.sql()
	var total int
	if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM customers c`+cond, w.args...); err != nil {
		return nil, 0, fmt.Errorf("count pool: %w", err)
	}
	lastFU := `COALESCE((SELECT MAX(fu.date) FROM followups fu WHERE fu.customer_id = c.id), '')`
	order := map[string]string{"name": "c.name_py", "poolSince": "c.pool_since", "lastFollowUp": lastFU, "level": "c.level"}
	ob := orderBy(order, f.Sort, "name", f.Desc, "c.id")
	var ids []int64
	if err := q.SelectContext(ctx, &ids, `SELECT c.id FROM customers c`+cond+ob+` LIMIT ? OFFSET ?`,
		append(append([]any{}, w.args...), f.Limit, f.Offset)...); err != nil {
		return nil, 0, fmt.Errorf("list pool: %w", err)
	}
	out := []PoolCustomer{}
	if len(ids) == 0 {
		return out, total, nil
	}
	in, a := inInts("c.id", ids)
	var rows []PoolCustomer
	sel := strings.Replace(customerSelect, "SELECT ", "SELECT "+lastFU+" AS last_followup, ", 1)
	if err := q.SelectContext(ctx, &rows, sel+` WHERE `+in, a...); err != nil {
		return nil, 0, fmt.Errorf("list pool: %w", err)
	}
	out = inOrder(out, ids, rows, func(r PoolCustomer) int64 { return r.ID })
	return out, total, nil
}

// RecycleFacts is what the recycle rules read of one owned customer.
type RecycleFacts struct {
	ID         int64  `db:"id"`
	Name       string `db:"name"`
	OwnerID    int64  `db:"owner_id"`
	OwnerName  string `db:"owner_name"`
	Level      string `db:"level"`
	HomePoolID int64  `db:"home_pool_id"`
	OwnedSince string `db:"owned_since"`
	// LastFollowUp is the date of the last follow-up ("" none).
	LastFollowUp string `db:"last_followup"`
	// WonSince is the count of opportunities won since OwnedSince.
	WonSince int `db:"won_since"`
	// KeepPosition is the furthest stage position of an open opportunity.
	OpenPosition int `db:"open_position"`
	// LastOrderEnd is the end of the last order (its last installment due,
	// or its signing date without a plan; "" none); OppsAfterOrder counts
	// opportunities created after it.
	LastOrderEnd   string `db:"last_order_end"`
	OppsAfterOrder int    `db:"opps_after_order"`
}

// EachRecycleFact hands fn the facts of every owned customer whose home
// pool (the company pool when it has none) is one of pools, in id order.
// The per-customer figures are read by one grouped pass each (follow-ups,
// open stages, wins, orders, opportunities) and joined in memory: 80,000
// owned customers take a few hundred milliseconds this way, where
// correlated subqueries per customer took over a second.
func EachRecycleFact(ctx context.Context, q Querier, pools []int64, company int64, owner int64, fn func(RecycleFacts) error) error {
	if len(pools) == 0 {
		return nil
	}
	want := map[int64]bool{}
	for _, p := range pools {
		want[p] = true
	}
	type kv struct {
		ID  int64  `db:"id"`
		Val string `db:"val"`
	}
	load := func(query string) (map[int64]string, error) {
		rows, err := q.QueryxContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[int64]string{}
		for rows.Next() {
			var r kv
			if err := rows.StructScan(&r); err != nil {
				return nil, err
			}
			out[r.ID] = r.Val
		}
		return out, rows.Err()
	}
	lastFU, err := load(`SELECT customer_id AS id, MAX(date) AS val FROM followups WHERE customer_id IS NOT NULL GROUP BY customer_id`)
	if err != nil {
		return fmt.Errorf("recycle facts: %w", err)
	}
	openPos, err := load(`SELECT o.customer_id AS id, printf('%09d', MAX(s.position)) AS val FROM opportunities o
		JOIN stages s ON s.id = o.stage_id AND s.kind = 'open' GROUP BY o.customer_id`)
	if err != nil {
		return fmt.Errorf("recycle facts: %w", err)
	}
	lastWin, err := load(`SELECT o.customer_id AS id, MAX(h.changed_at) AS val FROM opportunities o
		JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
		JOIN stage_history h ON h.opportunity_id = o.id AND h.to_stage_id = o.stage_id GROUP BY o.customer_id`)
	if err != nil {
		return fmt.Errorf("recycle facts: %w", err)
	}
	orderEnd, err := load(`SELECT d.customer_id AS id, MAX(COALESCE((SELECT MAX(i.due_date) FROM installments i
		WHERE i.order_id = d.id AND i.voided = 0), d.signed_date)) AS val FROM orders d WHERE d.status <> 'voided' GROUP BY d.customer_id`)
	if err != nil {
		return fmt.Errorf("recycle facts: %w", err)
	}
	lastOpp, err := load(`SELECT customer_id AS id, MAX(substr(created_at, 1, 10)) AS val FROM opportunities GROUP BY customer_id`)
	if err != nil {
		return fmt.Errorf("recycle facts: %w", err)
	}
	query := `SELECT c.id, c.name, c.owner_id, COALESCE(w.name, '') AS owner_name, c.level, COALESCE(c.home_pool_id, 0) AS home_pool_id,
		c.owned_since, '' AS last_followup, 0 AS won_since, 0 AS open_position, '' AS last_order_end, 0 AS opps_after_order
		FROM customers c LEFT JOIN owners w ON w.id = c.owner_id
		WHERE c.status = 'owned' AND c.owner_id IS NOT NULL`
	var args []any
	if owner != 0 {
		query += ` AND c.owner_id = ?`
		args = append(args, owner)
	}
	return each(ctx, q, query+` ORDER BY c.id`, args, func(scan func(any) error) error {
		var r RecycleFacts
		if err := scan(&r); err != nil {
			return err
		}
		if r.HomePoolID == 0 {
			r.HomePoolID = company
		}
		if !want[r.HomePoolID] {
			return nil
		}
		r.LastFollowUp = lastFU[r.ID]
		if w := lastWin[r.ID]; w != "" && w >= r.OwnedSince {
			r.WonSince = 1
		}
		if p := openPos[r.ID]; p != "" {
			fmt.Sscanf(p, "%d", &r.OpenPosition)
		}
		r.LastOrderEnd = orderEnd[r.ID]
		if r.LastOrderEnd != "" && lastOpp[r.ID] > r.LastOrderEnd {
			r.OppsAfterOrder = 1
		}
		return fn(r)
	})
}

// LevelUsage counts customers of a level and rules naming it.
func LevelUsage(ctx context.Context, q Querier, level string) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM customers WHERE level = ?) + (SELECT COUNT(*) FROM pool_rules WHERE level = ?)`, level, level)
	return n, err
}

// SetOwnedSince restarts the owner's clock of a customer (an owner change).
func SetOwnedSince(ctx context.Context, q Querier, id int64, at string) error {
	_, err := q.ExecContext(ctx, `UPDATE customers SET owned_since = ?, claimed_pool_id = NULL WHERE id = ?`, at, id)
	return err
}
