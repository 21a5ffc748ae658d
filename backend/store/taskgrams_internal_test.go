package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestTaskTextIsLike compares the task search from task_grams with a scan
// (title LIKE '%q%') on 10,000 generated titles, through the condition,
// through ListTasks (its total and first page, in due order) and through
// the planned search with a capped count (ListTasksCapped: pages inside and
// past the cap, every sort order).
func TestTaskTextIsLike(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(30))
	const n = 10000
	var titles []string
	err = st.Tx(ctx, func(tx Tx) error {
		owner, err := InsertOwner(ctx, tx, "张三", true)
		if err != nil {
			return err
		}
		for i := range n {
			title := randomName(r)
			titles = append(titles, title)
			due := fmt.Sprintf("2026-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28))
			if _, err := InsertTask(ctx, tx, Task{Title: title, AssigneeID: owner, DueDate: due, Priority: 1 + i%3,
				Status: TaskStatuses[i%4]}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"华", "科", "A", "a", "z", "7", "%", "_", "\\", "东电", "电子", "ab", "AB", "Bc", "12", "9%",
		"有限公", "年度续约", "科技有限公司", "abcx", "ABC", "123", "a1b", "华1", "子X", "猫", "猫狗", "科技猫", "华华", "1111"}
	for range 60 {
		rs := []rune(titles[r.Intn(len(titles))])
		i := r.Intn(len(rs))
		queries = append(queries, string(rs[i:min(len(rs), i+1+r.Intn(5))]))
	}
	kinds := map[string]int{}
	onPlan = func(p searchPlan) { kinds[fmt.Sprintf("capped=%v walk=%v", p.capped, p.walk)]++ }
	defer func() { onPlan = nil }()
	for _, q := range queries {
		q = strings.TrimSpace(q)
		if q == "" {
			continue
		}
		var want, got []int64
		if err := st.DB.Select(&want, `SELECT id FROM tasks WHERE title LIKE ? ESCAPE '\' ORDER BY due_date, id`,
			"%"+escapeLike(q)+"%"); err != nil {
			t.Fatal(err)
		}
		cond, a := taskTextMatch(q)
		if !strings.Contains(cond, "task_grams") {
			t.Fatalf("%q: no bigram table in %s", q, cond)
		}
		if err := st.DB.Select(&got, `SELECT t.id FROM tasks t WHERE `+cond+` ORDER BY t.due_date, t.id`, a...); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %d tasks, a scan finds %d", q, len(got), len(want))
			continue
		}
		// The planned search (ListTasksCapped) in each sort order, with a
		// cap that frequent words pass and one they do not.
		for _, sort := range []struct {
			key  string
			desc bool
		}{{"", false}, {"priority", true}, {"title", false}} {
			f := TaskFilter{Query: q, Today: "2026-06-01", Sort: sort.key, Desc: sort.desc}
			all := likeIDs(t, st.DB, `SELECT t.id FROM tasks t WHERE t.title LIKE ? ESCAPE '\'`+f.orderBy(),
				[]any{"%" + escapeLike(q) + "%"})
			for _, at := range [][2]int{{0, 60}, {40, 60}, {500, 60}, {0, 3000}, {100, 3000}} {
				page, total, capped, err := ListTasksCapped(ctx, st.DB, f, at[0], 20, at[1])
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, x := range page {
					ids = append(ids, x.ID)
				}
				wantPage(t, fmt.Sprintf("%q sort %s", q, sort.key), all, ids, total, capped, at[0], 20, at[1])
			}
		}
		// Under another filter (open tasks), where a common word is counted
		// on the filter's index up to the cap (searchCollect lowered so
		// that the common words take that path here).
		func() {
			defer func(n int) { searchCollect = n }(searchCollect)
			searchCollect = 300
			f := TaskFilter{Query: q, Today: "2026-06-01", Statuses: []string{TaskStatuses[0], TaskStatuses[1]}}
			all := likeIDs(t, st.DB, `SELECT t.id FROM tasks t WHERE t.title LIKE ? ESCAPE '\' AND t.status IN (?, ?)`+f.orderBy(),
				[]any{"%" + escapeLike(q) + "%", TaskStatuses[0], TaskStatuses[1]})
			for _, at := range [][2]int{{0, 60}, {40, 60}, {500, 60}, {0, 3000}} {
				page, total, capped, err := ListTasksCapped(ctx, st.DB, f, at[0], 20, at[1])
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, x := range page {
					ids = append(ids, x.ID)
				}
				wantPage(t, fmt.Sprintf("%q open", q), all, ids, total, capped, at[0], 20, at[1])
			}
			// Within a view (overdue), counted on tasks_status_due with
			// its titles (migration 0036).
			f = TaskFilter{Query: q, Today: "2026-06-01", View: "overdue"}
			all = likeIDs(t, st.DB, `SELECT t.id FROM tasks t WHERE t.title LIKE ? ESCAPE '\' AND t.status IN ('todo', 'doing')
				AND t.due_date <> '' AND t.due_date < ?`+f.orderBy(), []any{"%" + escapeLike(q) + "%", f.Today})
			for _, at := range [][2]int{{0, 60}, {40, 60}, {500, 60}, {0, 3000}} {
				page, total, capped, err := ListTasksCapped(ctx, st.DB, f, at[0], 20, at[1])
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, x := range page {
					ids = append(ids, x.ID)
				}
				wantPage(t, fmt.Sprintf("%q overdue", q), all, ids, total, capped, at[0], 20, at[1])
			}
		}()
		for _, offset := range []int{0, 30} {
			page, total, err := ListTasks(ctx, st.DB, TaskFilter{Query: q, Today: "2026-06-01"}, offset, 20)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, x := range page {
				ids = append(ids, x.ID)
			}
			wantPage := want[min(offset, len(want)):min(offset+20, len(want))]
			if total != len(want) || len(ids) != len(wantPage) || (len(ids) > 0 && !reflect.DeepEqual(ids, wantPage)) {
				t.Errorf("%q offset %d: total %d page %v, want %d %v", q, offset, total, ids, len(want), wantPage)
			}
		}
	}
	for _, k := range []string{"capped=false walk=false", "capped=false walk=true", "capped=true walk=true"} {
		if kinds[k] == 0 {
			t.Errorf("no plan %s (plans: %v)", k, kinds)
		}
	}
}

// freshTaskGrams computes in Go the grams migration 0030 keeps: each
// title's bigrams and its last character alone, ASCII folded.
func freshTaskGrams(t *testing.T, q Querier) []string {
	t.Helper()
	var rows []Task
	if err := q.SelectContext(context.Background(), &rows, `SELECT id, title FROM tasks`); err != nil {
		t.Fatal(err)
	}
	texts := map[int64][]string{}
	for _, x := range rows {
		texts[x.ID] = []string{x.Title}
	}
	return freshGrams(texts)
}

// TestTaskGramsKept writes tasks in every way the app does (insert, edit,
// status change, the bin and restore, a failed transaction, delete) and
// compares task_grams with fresh grams after each.
func TestTaskGramsKept(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tx := func(fn func(tx Tx) error) {
		t.Helper()
		if err := st.Tx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	check := func(step string) {
		t.Helper()
		kept := keptGrams(t, st.DB, "task_grams")
		if fresh := freshTaskGrams(t, st.DB); !reflect.DeepEqual(kept, fresh) {
			t.Fatalf("%s: task_grams holds %d grams, the titles have %d", step, len(kept), len(fresh))
		}
	}
	var a, b int64
	tx(func(q Tx) error {
		owner, err := InsertOwner(ctx, q, "张三", true)
		if err != nil {
			return err
		}
		if a, err = InsertTask(ctx, q, Task{Title: "提交ABC方案方案", AssigneeID: owner, Priority: 2, Status: TaskTodo}); err != nil {
			return err
		}
		b, err = InsertTask(ctx, q, Task{Title: "客户演示", AssigneeID: owner, Priority: 1, Status: TaskTodo})
		return err
	})
	check("insert")
	tx(func(q Tx) error {
		x, err := GetTask(ctx, q, a, "2026-01-01")
		if err != nil {
			return err
		}
		x.Title = "改abc方案"
		return UpdateTask(ctx, q, x)
	})
	check("edit")
	tx(func(q Tx) error {
		x, err := GetTask(ctx, q, b, "2026-01-01")
		if err != nil {
			return err
		}
		x.Status, x.Result = TaskDone, "已演示"
		return UpdateTask(ctx, q, x)
	})
	check("status")
	var bundle Bundle
	tx(func(q Tx) error {
		var err error
		if bundle, err = CaptureBundle(ctx, q, "tasks", []int64{a}); err != nil {
			return err
		}
		return RemoveBundle(ctx, q, bundle)
	})
	check("to the bin")
	tx(func(q Tx) error { return RestoreBundle(ctx, q, bundle) })
	check("restore")
	failed := errors.New("rolled back")
	if err := st.Tx(ctx, func(q Tx) error {
		x, err := GetTask(ctx, q, a, "2026-01-01")
		if err != nil {
			return err
		}
		x.Title = "改了又回滚"
		if err := UpdateTask(ctx, q, x); err != nil {
			return err
		}
		if _, err := InsertTask(ctx, q, Task{Title: "不会留下", AssigneeID: x.AssigneeID, Priority: 2, Status: TaskTodo}); err != nil {
			return err
		}
		return failed
	}); !errors.Is(err, failed) {
		t.Fatal(err)
	}
	check("failed transaction")
	tx(func(q Tx) error {
		_, err := DeleteTask(ctx, q, b)
		return err
	})
	check("delete")
}
