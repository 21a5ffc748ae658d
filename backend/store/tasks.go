package store

import (
	"context"
	"fmt"
	"strings"
)

// Task statuses.
const (
	TaskTodo      = "todo"
	TaskDoing     = "doing"
	TaskDone      = "done"
	TaskCancelled = "cancelled"
)

// TaskStatuses lists every task status in workflow order.
var TaskStatuses = []string{TaskTodo, TaskDoing, TaskDone, TaskCancelled}

// Task is a sales task (销售任务), made by hand, from a follow-up's next
// action, or from a stage's playbook when an opportunity entered the stage.
type Task struct {
	ID         int64  `db:"id" json:"id"`
	Title      string `db:"title" json:"title"`
	AssigneeID int64  `db:"assignee_id" json:"assigneeId"`
	// DueDate is YYYY-MM-DD or "" for none; DueTime HH:MM or "".
	DueDate  string `db:"due_date" json:"dueDate"`
	DueTime  string `db:"due_time" json:"dueTime"`
	Priority int    `db:"priority" json:"priority"`
	Status   string `db:"status" json:"status"`
	// The related records; 0 for none.
	CustomerID    int64 `db:"customer_id" json:"customerId"`
	OpportunityID int64 `db:"opportunity_id" json:"opportunityId"`
	LeadID        int64 `db:"lead_id" json:"leadId"`
	// StageID and ActionID name the playbook step the task carries out.
	StageID    int64  `db:"stage_id" json:"stageId"`
	ActionID   int64  `db:"action_id" json:"actionId"`
	Required   bool   `db:"required" json:"required"`
	FollowUpID int64  `db:"followup_id" json:"followUpId"`
	Result     string `db:"result" json:"result"`
	DoneAt     string `db:"done_at" json:"doneAt"`
	CreatedAt  string `db:"created_at" json:"createdAt"`
	UpdatedAt  string `db:"updated_at" json:"updatedAt"`

	AssigneeName    string `db:"assignee_name" json:"assigneeName"`
	CustomerName    string `db:"customer_name" json:"customerName"`
	OpportunityName string `db:"opportunity_name" json:"opportunityName"`
	StageName       string `db:"stage_name" json:"stageName"`
	// Overdue: open and due before the filter's today.
	Overdue bool `db:"overdue" json:"overdue"`
}

// taskSelect takes today as its first argument (for overdue).
const taskSelect = `SELECT t.id, t.title, t.assignee_id, t.due_date, t.due_time, t.priority, t.status,
	COALESCE(t.customer_id, 0) AS customer_id, COALESCE(t.opportunity_id, 0) AS opportunity_id,
	COALESCE(t.lead_id, 0) AS lead_id, COALESCE(t.stage_id, 0) AS stage_id, COALESCE(t.action_id, 0) AS action_id,
	t.required, COALESCE(t.followup_id, 0) AS followup_id, t.result, t.done_at, t.created_at, t.updated_at,
	COALESCE(w.name, '') AS assignee_name, COALESCE(c.name, '') AS customer_name,
	COALESCE(o.name, '') AS opportunity_name, COALESCE(s.name, '') AS stage_name,
	(t.status IN ('todo', 'doing') AND t.due_date <> '' AND t.due_date < ?) AS overdue
	FROM tasks t
	LEFT JOIN owners w ON w.id = t.assignee_id
	LEFT JOIN customers c ON c.id = t.customer_id
	LEFT JOIN opportunities o ON o.id = t.opportunity_id
	LEFT JOIN stages s ON s.id = t.stage_id`

// TaskFilter is the task list filter.
type TaskFilter struct {
	// Query matches the title.
	Query       string   `json:"query"`
	Statuses    []string `json:"statuses"`
	AssigneeIDs []int64  `json:"assigneeIds"`
	Priority    int      `json:"priority"`
	// View narrows to open tasks: "overdue" (due before today), "today",
	// "week" (due from today to the week's Sunday); "" all.
	View          string `json:"view"`
	CustomerID    int64  `json:"customerId"`
	OpportunityID int64  `json:"opportunityId"`
	LeadID        int64  `json:"leadId"`
	DueFrom       string `json:"dueFrom"`
	DueTo         string `json:"dueTo"`
	Sort          string `json:"sort"`
	Desc          bool   `json:"desc"`
	// Today and WeekEnd are set by the service from its clock.
	Today   string `json:"-"`
	WeekEnd string `json:"-"`
}

// TaskSortColumns maps the task list's sort keys to SQL.
var TaskSortColumns = map[string]string{
	"dueDate":  "t.due_date",
	"priority": "t.priority",
	"title":    "t.title",
}

const openTask = `t.status IN ('todo', 'doing')`

func (f TaskFilter) where() where {
	if q := strings.TrimSpace(f.Query); q != "" {
		cond, a := taskTextMatch(q)
		return f.whereText(cond, a...)
	}
	return f.whereText("")
}

// whereText is the filter's conditions with text the search's condition
// ("" for none).
func (f TaskFilter) whereText(text string, textArgs ...any) where {
	var w where
	if text != "" {
		w.add(text, textArgs...)
	}
	w.strs("t.status", f.Statuses)
	w.ints("t.assignee_id", f.AssigneeIDs)
	if f.Priority != 0 {
		w.add("t.priority = ?", f.Priority)
	}
	switch f.View {
	case "overdue":
		w.add(openTask+` AND t.due_date <> '' AND t.due_date < ?`, f.Today)
	case "today":
		w.add(openTask+` AND t.due_date = ?`, f.Today)
	case "week":
		w.add(openTask+` AND t.due_date >= ? AND t.due_date <= ?`, f.Today, f.WeekEnd)
	}
	if f.CustomerID != 0 {
		w.add("t.customer_id = ?", f.CustomerID)
	}
	if f.OpportunityID != 0 {
		w.add("t.opportunity_id = ?", f.OpportunityID)
	}
	if f.LeadID != 0 {
		w.add("t.lead_id = ?", f.LeadID)
	}
	w.dateRange("t.due_date", f.DueFrom, f.DueTo)
	return w
}

// taskTextMatch is the condition that task t's title contains s (ignoring
// ASCII case, as LIKE does): an id list from index ranges of task_grams
// (migration 0030), its candidates checked with LIKE when s has three or
// more characters. TestTaskTextIsLike compares it with a scan.
func taskTextMatch(s string) (string, []any) {
	ids, args, exact := gramQuery("task_grams", s)
	if exact {
		return `t.id IN (` + ids + `)`, args
	}
	return `(t.id IN (` + ids + `) AND t.title LIKE ? ESCAPE '\')`, append(args, "%"+escapeLike(s)+"%")
}

func (f TaskFilter) orderBy() string {
	if f.Sort == "" {
		return " ORDER BY t.due_date, t.id"
	}
	return orderBy(TaskSortColumns, f.Sort, "dueDate", f.Desc, "t.id")
}

// ListTasks returns one page of tasks and the total matching.
func ListTasks(ctx context.Context, q Querier, f TaskFilter, offset, limit int) ([]Task, int, error) {
	out, total, _, err := listTasks(ctx, q, f, offset, limit, 0)
	return out, total, err
}

// listTasks is ListTasks counting a common word's matches under other
// filters up to offset + countCap (0: all; capped reports more).
func listTasks(ctx context.Context, q Querier, f TaskFilter, offset, limit, countCap int) ([]Task, int, bool, error) {
	w := f.where()
	out := []Task{}
	gathered := false
	if text := strings.TrimSpace(f.Query); text != "" {
		gathered = true
		if !f.searchOnly() {
			// With other filters, a word whose rarest bigram is common
			// (more than searchCollect candidates) costs more to gather
			// and check than the filter's own walk.
			ids, a, _ := gramQuery("task_grams", text)
			var many []int
			if err := q.SelectContext(ctx, &many, `SELECT 1 FROM (`+ids+`) LIMIT 1 OFFSET ?`, append(a, searchCollect)...); err != nil {
				return nil, 0, false, fmt.Errorf("search tasks: %w", err)
			}
			gathered = len(many) == 0
		}
	}
	if gathered {
		// The matches come from task_grams' index ranges: gathered in one
		// pass when few, counted and sorted there, rather than walking
		// the sort index past every task that does not match.
		var found []int64
		if err := q.SelectContext(ctx, &found, `SELECT t.id FROM tasks t`+w.sql()+` LIMIT ?`,
			append(append([]any{}, w.args...), searchCollect+1)...); err != nil {
			return nil, 0, false, fmt.Errorf("search tasks: %w", err)
		}
		if len(found) <= searchCollect {
			if len(found) == 0 || offset >= len(found) {
				return out, len(found), false, nil
			}
			// The unary plus keeps SQLite from walking a sort index
			// past every task to meet the few in the list.
			order := strings.ReplaceAll(f.orderBy(), "t.", "+t.")
			query := pageOf(taskSelect, "FROM tasks t", "tasks", "t", ` WHERE t.id IN `+idList, order)
			if err := q.SelectContext(ctx, &out, query, idsJSON(found), limit, offset, f.Today); err != nil {
				return nil, 0, false, fmt.Errorf("list tasks: %w", err)
			}
			return out, len(found), false, nil
		}
	}
	count := w
	if text := strings.TrimSpace(f.Query); text != "" {
		// A common word (more than searchCollect tasks have it): the page
		// walks the sort order checking each title, meeting a match every
		// few rows; the count reads the grams alone when they answer it
		// (a word of one or two characters and no other filter), else it
		// scans tasks_title (title and id) rather than the table.
		like := "%" + escapeLike(text) + "%"
		w = f.whereText(`t.title LIKE ? ESCAPE '\'`, like)
		count = f.whereText(`t.id IN (SELECT id FROM tasks WHERE title LIKE ? ESCAPE '\')`, like)
		if ids, a, exact := gramQuery("task_grams", text); exact && f.searchOnly() {
			var total int
			if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM (SELECT DISTINCT id FROM (`+ids+`))`, a...); err != nil {
				return nil, 0, false, fmt.Errorf("count tasks: %w", err)
			}
			page, err := taskPage(ctx, q, f, w, offset, limit)
			return page, total, false, err
		}
	}
	out, err := taskPage(ctx, q, f, w, offset, limit)
	if err != nil {
		return nil, 0, false, err
	}
	if total, ok := knownTotal(offset, limit, len(out)); ok {
		return out, total, false, nil
	}
	var total int
	if text := strings.TrimSpace(f.Query); text != "" && countCap > 0 {
		// A common word under other filters: count on the filter's own
		// index, testing each title, up to the cap (a scan of every title
		// otherwise).
		need := offset + countCap
		if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM (SELECT 1 FROM tasks t`+w.sql()+` LIMIT ?)`,
			append(append([]any{}, w.args...), need+1)...); err != nil {
			return nil, 0, false, fmt.Errorf("count tasks: %w", err)
		}
		if total > need {
			return out, need, true, nil
		}
		return out, total, false, nil
	}
	countSQL := `SELECT COUNT(*) FROM tasks t` + count.sql()
	if k, ok := f.keptTotal(); ok {
		countSQL, count = `SELECT COALESCE(SUM(k.n), 0) FROM task_due_counts k`+k.sql(), k
	}
	if err := q.GetContext(ctx, &total, countSQL, count.args...); err != nil {
		return nil, 0, false, fmt.Errorf("count tasks: %w", err)
	}
	return out, total, false, nil
}

// keptTotal is the condition on task_due_counts k whose sum is the total
// of a view (overdue, today, this week) filtered by nothing else but
// assignees: counting the tasks read every overdue one (165,000 of
// 500,000: 21 ms); the kept per-day counts (0040) are a few thousand rows.
func (f TaskFilter) keptTotal() (where, bool) {
	if strings.TrimSpace(f.Query) != "" || len(f.Statuses) > 0 || f.Priority != 0 || f.CustomerID != 0 ||
		f.OpportunityID != 0 || f.LeadID != 0 || f.DueFrom != "" || f.DueTo != "" {
		return where{}, false
	}
	var k where
	switch f.View {
	case "overdue":
		k.add(`k.due_date > '' AND k.due_date < ?`, f.Today)
	case "today":
		k.add(`k.due_date = ?`, f.Today)
	case "week":
		k.add(`k.due_date >= ? AND k.due_date <= ?`, f.Today, f.WeekEnd)
	default:
		return where{}, false
	}
	k.ints("k.assignee_id", f.AssigneeIDs)
	return k, true
}

// ListTasksCapped is ListTasks with a text search's total counted up to
// offset + countCap (capped reports more), following the plan of
// grams.go when the search is the only filter; with others, ListTasks
// weighs the filter's own index against the word's postings, and a common
// word is counted on the filter's index up to the cap. countCap 0 counts
// all.
func ListTasksCapped(ctx context.Context, q Querier, f TaskFilter, offset, limit, countCap int) (
	items []Task, total int, capped bool, err error) {
	text := strings.TrimSpace(f.Query)
	if countCap <= 0 || text == "" || !f.searchOnly() {
		return listTasks(ctx, q, f, offset, limit, countCap)
	}
	ids, a, exact := gramQuery("task_grams", text)
	like := "%" + escapeLike(text) + "%"
	p := gramPlan(ids, a, exact, `SELECT t.id FROM (`+ids+`) x JOIN tasks t ON t.id = x.id WHERE t.title LIKE ? ESCAPE '\'`, like)
	plan, err := planSearch(ctx, q, p, offset, limit, countCap, 1, maxID(ctx, q, "tasks"))
	if err != nil {
		return nil, 0, false, fmt.Errorf("search tasks: %w", err)
	}
	items = []Task{}
	switch {
	case offset >= plan.total:
	case !plan.walk:
		// The unary plus keeps SQLite from walking a sort index past
		// every task to meet the few in the list.
		order := strings.ReplaceAll(f.orderBy(), "t.", "+t.")
		query := pageOf(taskSelect, "FROM tasks t", "tasks", "t", ` WHERE t.id IN `+idList, order)
		if err := q.SelectContext(ctx, &items, query, idsJSON(plan.found), limit, offset, f.Today); err != nil {
			return nil, 0, false, fmt.Errorf("list tasks: %w", err)
		}
	default:
		if items, err = taskPage(ctx, q, f, f.whereText(`t.title LIKE ? ESCAPE '\'`, like), offset, limit); err != nil {
			return nil, 0, false, err
		}
	}
	return items, plan.total, plan.capped, nil
}

// taskPage is one page of the tasks matching w in f's order.
func taskPage(ctx context.Context, q Querier, f TaskFilter, w where, offset, limit int) ([]Task, error) {
	out := []Task{}
	query := pageOf(taskSelect, "FROM tasks t", "tasks", "t", w.sql(), f.orderBy())
	if err := q.SelectContext(ctx, &out, query, append(append([]any{}, w.args...), limit, offset, f.Today)...); err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	return out, nil
}

// searchOnly: the filter is a text search and nothing else.
func (f TaskFilter) searchOnly() bool {
	return len(f.Statuses) == 0 && len(f.AssigneeIDs) == 0 && f.Priority == 0 && f.View == "" && f.CustomerID == 0 &&
		f.OpportunityID == 0 && f.LeadID == 0 && f.DueFrom == "" && f.DueTo == ""
}

// EachTask streams the tasks matching f in list order.
func EachTask(ctx context.Context, q Querier, f TaskFilter, fn func(Task) error) error {
	w := f.where()
	args := append([]any{f.Today}, w.args...)
	return each(ctx, q, taskSelect+w.sql()+f.orderBy(), args, func(scan func(any) error) error {
		var t Task
		if err := scan(&t); err != nil {
			return err
		}
		return fn(t)
	})
}

// GetTask returns one task (overdue as of today) or ErrNotFound.
func GetTask(ctx context.Context, q Querier, id int64, today string) (Task, error) {
	var t Task
	err := q.GetContext(ctx, &t, taskSelect+` WHERE t.id = ?`, today, id)
	return t, notFound(err)
}

// InsertTask adds a task.
func InsertTask(ctx context.Context, q Querier, t Task) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO tasks (title, assignee_id, due_date, due_time, priority, status,
		customer_id, opportunity_id, lead_id, stage_id, action_id, required, followup_id, result, done_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.Title, t.AssigneeID, t.DueDate, t.DueTime, t.Priority, t.Status, nullID(t.CustomerID), nullID(t.OpportunityID),
		nullID(t.LeadID), nullID(t.StageID), nullID(t.ActionID), boolInt(t.Required), nullID(t.FollowUpID), t.Result,
		t.DoneAt, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert task: %w", err)
	}
	return res.LastInsertId()
}

// UpdateTask writes every editable field of a task (not its playbook step
// or follow-up).
func UpdateTask(ctx context.Context, q Querier, t Task) error {
	_, err := q.ExecContext(ctx, `UPDATE tasks SET title = ?, assignee_id = ?, due_date = ?, due_time = ?, priority = ?,
		status = ?, customer_id = ?, opportunity_id = ?, lead_id = ?, result = ?, done_at = ?, updated_at = ? WHERE id = ?`,
		t.Title, t.AssigneeID, t.DueDate, t.DueTime, t.Priority, t.Status, nullID(t.CustomerID), nullID(t.OpportunityID),
		nullID(t.LeadID), t.Result, t.DoneAt, Now(), t.ID)
	if err != nil {
		return fmt.Errorf("update task: %w", err)
	}
	return nil
}

// DeleteTask removes a task; it reports whether one existed.
func DeleteTask(ctx context.Context, q Querier, id int64) (bool, error) {
	res, err := q.ExecContext(ctx, `DELETE FROM tasks WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("delete task: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// DueTasks counts the open tasks due in [from, to] (from "" for no lower
// bound; overdue ones have a date) and returns the first limit, earliest
// first, from tasks_open_due.
func DueTasks(ctx context.Context, q Querier, from, to, today string, limit int) ([]Task, int, error) {
	cond, args := openTask+` AND t.due_date <> '' AND t.due_date <= ?`, []any{to}
	if from != "" {
		cond, args = cond+` AND t.due_date >= ?`, append(args, from)
	}
	// The count from the kept per-day counts (task_due_counts, 0040).
	kept := `SELECT COALESCE(SUM(n), 0) FROM task_due_counts WHERE due_date <> '' AND due_date <= ?`
	if from != "" {
		kept += ` AND due_date >= ?`
	}
	var n int
	if err := q.GetContext(ctx, &n, kept, args...); err != nil {
		return nil, 0, fmt.Errorf("count due tasks: %w", err)
	}
	out := []Task{}
	if n == 0 || limit <= 0 {
		return out, n, nil
	}
	// The page's ids first, in tasks_open_due_time's order: joined before
	// the LIMIT, every match was read and sorted (a second at 165,000
	// overdue).
	err := q.SelectContext(ctx, &out, taskSelect+` WHERE t.id IN (SELECT t.id FROM tasks t INDEXED BY tasks_open_due_time WHERE `+
		cond+` ORDER BY t.due_date, t.due_time, t.id LIMIT ?) ORDER BY t.due_date, t.due_time, t.id`,
		append(append([]any{today}, args...), limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("due tasks: %w", err)
	}
	return out, n, nil
}

// AssigneeLoad is one salesperson's open tasks: the manager's view.
type AssigneeLoad struct {
	AssigneeID   int64  `db:"assignee_id" json:"assigneeId"`
	AssigneeName string `db:"assignee_name" json:"assigneeName"`
	Open         int    `db:"open" json:"open"`
	Overdue      int    `db:"overdue" json:"overdue"`
	DueToday     int    `db:"due_today" json:"dueToday"`
	DueThisWeek  int    `db:"due_week" json:"dueThisWeek"`
}

// TaskLoads counts the open tasks of each assignee (of ids, or everyone),
// the most overdue first. Each figure is a sum of the kept per-day counts
// (task_due_counts, 0040): a few hundred rows an assignee, where counting
// the tasks read every open one (17 ms at 500,000 tasks).
func TaskLoads(ctx context.Context, q Querier, ids []int64, today, weekEnd string) ([]AssigneeLoad, error) {
	var w where
	w.ints("o.id", ids)
	const sum = `(SELECT COALESCE(SUM(k.n), 0) FROM task_due_counts k WHERE k.assignee_id = o.id`
	out := []AssigneeLoad{}
	err := q.SelectContext(ctx, &out, `SELECT * FROM (SELECT o.id AS assignee_id, o.name AS assignee_name,
		`+sum+`) AS open,
		`+sum+` AND k.due_date > '' AND k.due_date < ?) AS overdue,
		`+sum+` AND k.due_date = ?) AS due_today,
		`+sum+` AND k.due_date >= ? AND k.due_date <= ?) AS due_week
		FROM owners o`+w.sql()+`) WHERE open > 0 ORDER BY overdue DESC, open DESC, assignee_id`,
		append([]any{today, today, today, weekEnd}, w.args...)...)
	if err != nil {
		return nil, fmt.Errorf("task loads: %w", err)
	}
	return out, nil
}

// Action is one entry of the action library (动作档案).
type Action struct {
	ID          int64  `db:"id" json:"id"`
	Name        string `db:"name" json:"name"`
	Description string `db:"description" json:"description"`
	// InUse counts the stages whose playbook holds it.
	InUse int `db:"in_use" json:"inUse"`
}

// ListActions returns the action library by name.
func ListActions(ctx context.Context, q Querier) ([]Action, error) {
	out := []Action{}
	err := q.SelectContext(ctx, &out, `SELECT a.id, a.name, a.description,
		(SELECT COUNT(*) FROM stage_actions x WHERE x.action_id = a.id) AS in_use FROM actions a ORDER BY a.id`)
	if err != nil {
		return nil, fmt.Errorf("list actions: %w", err)
	}
	return out, nil
}

// GetAction returns one action or ErrNotFound.
func GetAction(ctx context.Context, q Querier, id int64) (Action, error) {
	var a Action
	err := q.GetContext(ctx, &a, `SELECT id, name, description, 0 AS in_use FROM actions WHERE id = ?`, id)
	return a, notFound(err)
}

// ActionByName returns the action with exactly that name or ErrNotFound.
func ActionByName(ctx context.Context, q Querier, name string) (Action, error) {
	var a Action
	err := q.GetContext(ctx, &a, `SELECT id, name, description, 0 AS in_use FROM actions WHERE name = ?`, name)
	return a, notFound(err)
}

// InsertAction adds an action to the library.
func InsertAction(ctx context.Context, q Querier, a Action) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO actions (name, description, created_at) VALUES (?, ?, ?)`,
		a.Name, a.Description, Now())
	if err != nil {
		return 0, fmt.Errorf("insert action: %w", err)
	}
	return res.LastInsertId()
}

// UpdateAction renames or describes an action.
func UpdateAction(ctx context.Context, q Querier, a Action) error {
	if _, err := q.ExecContext(ctx, `UPDATE actions SET name = ?, description = ? WHERE id = ?`, a.Name, a.Description, a.ID); err != nil {
		return fmt.Errorf("update action: %w", err)
	}
	return nil
}

// DeleteAction removes an action and its places in the playbooks; tasks
// made from it keep their title.
func DeleteAction(ctx context.Context, q Querier, id int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM actions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete action: %w", err)
	}
	return nil
}

// StageAction is one step of a stage's playbook.
type StageAction struct {
	StageID    int64  `db:"stage_id" json:"stageId"`
	ActionID   int64  `db:"action_id" json:"actionId"`
	ActionName string `db:"action_name" json:"actionName"`
	Position   int    `db:"position" json:"position"`
	Required   bool   `db:"required" json:"required"`
	// DueDays is the days after entering the stage the task falls due;
	// -1 for no due date.
	DueDays int `db:"due_days" json:"dueDays"`
}

// StageActions returns a stage's playbook in order.
func StageActions(ctx context.Context, q Querier, stageID int64) ([]StageAction, error) {
	out := []StageAction{}
	err := q.SelectContext(ctx, &out, `SELECT x.stage_id, x.action_id, a.name AS action_name, x.position, x.required,
		COALESCE(x.due_days, -1) AS due_days FROM stage_actions x JOIN actions a ON a.id = x.action_id
		WHERE x.stage_id = ? ORDER BY x.position, x.action_id`, stageID)
	if err != nil {
		return nil, fmt.Errorf("stage actions: %w", err)
	}
	return out, nil
}

// AutoPromote reports whether a stage promotes by itself once its required
// actions are done.
func AutoPromote(ctx context.Context, q Querier, stageID int64) (bool, error) {
	var v []bool
	if err := q.SelectContext(ctx, &v, `SELECT auto_promote FROM stage_playbooks WHERE stage_id = ?`, stageID); err != nil {
		return false, fmt.Errorf("stage playbook: %w", err)
	}
	return len(v) == 1 && v[0], nil
}

// SetStagePlaybook replaces a stage's playbook.
func SetStagePlaybook(ctx context.Context, q Querier, stageID int64, auto bool, steps []StageAction) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM stage_actions WHERE stage_id = ?`, stageID); err != nil {
		return fmt.Errorf("set playbook: %w", err)
	}
	for i, s := range steps {
		var due any
		if s.DueDays >= 0 {
			due = s.DueDays
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO stage_actions (stage_id, action_id, position, required, due_days)
			VALUES (?, ?, ?, ?, ?)`, stageID, s.ActionID, i+1, boolInt(s.Required), due); err != nil {
			return fmt.Errorf("set playbook: %w", err)
		}
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO stage_playbooks (stage_id, auto_promote) VALUES (?, ?)
		ON CONFLICT (stage_id) DO UPDATE SET auto_promote = excluded.auto_promote`, stageID, boolInt(auto)); err != nil {
		return fmt.Errorf("set playbook: %w", err)
	}
	return nil
}

// StageTasks returns an opportunity's tasks made by a stage's playbook
// (cancelled ones too), oldest first.
func StageTasks(ctx context.Context, q Querier, oppID, stageID int64, today string) ([]Task, error) {
	out := []Task{}
	err := q.SelectContext(ctx, &out, taskSelect+` WHERE t.opportunity_id = ? AND t.stage_id = ? ORDER BY t.id`,
		today, oppID, stageID)
	if err != nil {
		return nil, fmt.Errorf("stage tasks: %w", err)
	}
	return out, nil
}

// ActionProgress is how many of the actions of an opportunity's current
// stage are done, for the board's cards.
type ActionProgress struct {
	OpportunityID int64 `db:"opportunity_id" json:"opportunityId"`
	Done          int   `db:"done" json:"done"`
	Total         int   `db:"total" json:"total"`
	// Open counts the required actions not done yet.
	Open int `db:"open_required" json:"openRequired"`
}

// ActionProgressOf returns the progress of the playbook of each given
// opportunity's current stage; opportunities whose stage has no actions
// are left out. An action counts done when a task made from it in that
// stage is done.
func ActionProgressOf(ctx context.Context, q Querier, oppIDs []int64) ([]ActionProgress, error) {
	out := []ActionProgress{}
	if len(oppIDs) == 0 {
		return out, nil
	}
	in, args := inInts("o.id", oppIDs)
	// The done flag is a correlated lookup on tasks_opportunity.
	err := q.SelectContext(ctx, &out, `SELECT opportunity_id, COUNT(*) AS total, SUM(done) AS done,
		SUM(required AND NOT done) AS open_required FROM (
		SELECT o.id AS opportunity_id, x.required,
			EXISTS (SELECT 1 FROM tasks t WHERE t.opportunity_id = o.id AND t.stage_id = o.stage_id
				AND t.action_id = x.action_id AND t.status = 'done') AS done
		FROM opportunities o JOIN stage_actions x ON x.stage_id = o.stage_id WHERE `+in+`)
		GROUP BY opportunity_id ORDER BY opportunity_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("action progress: %w", err)
	}
	return out, nil
}

// MissingRequired names the required actions of a stage's playbook that
// the opportunity has no done task for, in playbook order.
func MissingRequired(ctx context.Context, q Querier, oppID, stageID int64) ([]string, error) {
	var names []string
	err := q.SelectContext(ctx, &names, `SELECT a.name FROM stage_actions x JOIN actions a ON a.id = x.action_id
		WHERE x.stage_id = ? AND x.required = 1 AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.opportunity_id = ?
			AND t.stage_id = x.stage_id AND t.action_id = x.action_id AND t.status = 'done')
		ORDER BY x.position, x.action_id`, stageID, oppID)
	if err != nil {
		return nil, fmt.Errorf("missing actions: %w", err)
	}
	return names, nil
}

// HasStageTask reports whether the opportunity already has a live (not
// cancelled) task for the action in that stage: entering a stage again
// does not repeat its actions.
func HasStageTask(ctx context.Context, q Querier, oppID, stageID, actionID int64) (bool, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM tasks WHERE opportunity_id = ? AND stage_id = ? AND action_id = ?
		AND status <> 'cancelled'`, oppID, stageID, actionID)
	return n > 0, err
}

// OpenStagesAfter returns the open, not retired stages after position, in
// funnel order.
func OpenStagesAfter(ctx context.Context, q Querier, position int) ([]Stage, error) {
	out := []Stage{}
	err := q.SelectContext(ctx, &out, `SELECT `+stageCols+` FROM stages WHERE kind = 'open' AND retired = 0 AND position > ?
		ORDER BY position, id`, position)
	if err != nil {
		return nil, fmt.Errorf("open stages: %w", err)
	}
	return out, nil
}

// TaskOfFollowUp returns the id of the task made from a follow-up's next
// action, 0 for none.
func TaskOfFollowUp(ctx context.Context, q Querier, followUpID int64) (int64, error) {
	var ids []int64
	if err := q.SelectContext(ctx, &ids, `SELECT id FROM tasks WHERE followup_id = ? LIMIT 1`, followUpID); err != nil {
		return 0, fmt.Errorf("task of follow-up: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], nil
}
