package task

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dashboard"
	"funneldesk/backend/followup"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/playbook"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// today is the fixed clock's date, a Tuesday.
const today = "2026-03-10"

type fixture struct {
	st       *store.Store
	tasks    *Service
	opps     *opportunity.Service
	books    *playbook.Service
	zhang    int64
	li       int64
	dashang  int64
	xiduoduo int64
	stage    map[string]store.Stage
	action   map[string]int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	env := svc.New(svc.Fixed(time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local)))
	f := &fixture{st: st, tasks: NewService(st, env), opps: opportunity.NewService(st, env), books: playbook.NewService(st, env),
		stage: map[string]store.Stage{}, action: map[string]int64{}}
	f.zhang = storetest.Owner(t, st, "张三")
	f.li = storetest.Owner(t, st, "李四")
	f.dashang = storetest.Customer(t, st, "大商股份", f.zhang)
	f.xiduoduo = storetest.Customer(t, st, "喜多多贸易", f.li)
	stages, err := store.ListStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stages {
		f.stage[s.Name] = s
	}
	actions, err := f.books.Actions()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		f.action[a.Name] = a.ID
	}
	return f
}

// step is a playbook step by action name.
func (f *fixture) step(name string, required bool, days string) playbook.StepInput {
	return playbook.StepInput{ActionID: f.action[name], Required: required, DueDays: days}
}

func (f *fixture) setPlaybook(t *testing.T, stage string, auto bool, steps ...playbook.StepInput) {
	t.Helper()
	if _, err := f.books.SetPlaybook(f.stage[stage].ID, playbook.PlaybookInput{AutoPromote: auto, Steps: steps}); err != nil {
		t.Fatalf("set playbook of %s: %v", stage, err)
	}
}

func (f *fixture) newOpp(t *testing.T, stage string) store.Opportunity {
	t.Helper()
	o, err := f.opps.Create(opportunity.Input{Name: "五十用户", CustomerID: f.dashang, OwnerID: f.zhang,
		StageID: f.stage[stage].ID, Amount: "40000"})
	if err != nil {
		t.Fatalf("create opportunity: %v", err)
	}
	return o
}

func (f *fixture) oppTasks(t *testing.T, oppID int64) []store.Task {
	t.Helper()
	p, err := f.tasks.List(ListRequest{Filter: Filter{OpportunityID: oppID}, PageSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	return p.Items
}

func (f *fixture) stageOf(t *testing.T, oppID int64) string {
	t.Helper()
	d, err := f.opps.Get(oppID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Opportunity.StageName
}

func TestEnteringAStageCreatesItsActions(t *testing.T) {
	tests := []struct {
		name    string
		days    string
		wantDue string
	}{
		{"offset of three days", "3", "2026-03-13"},
		{"due the day it is entered", "0", today},
		{"offset over a month end", "25", "2026-04-04"},
		{"no offset, no due date", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setPlaybook(t, "需求分析", false, f.step("提交方案", true, tt.days), f.step("客户演示", false, "1"))
			o := f.newOpp(t, "初期沟通")
			if got := f.oppTasks(t, o.ID); len(got) != 0 {
				t.Fatalf("a stage without actions made tasks: %+v", got)
			}
			if _, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage["需求分析"].ID}); err != nil {
				t.Fatal(err)
			}
			got := f.oppTasks(t, o.ID)
			if len(got) != 2 {
				t.Fatalf("tasks = %+v, want the stage's two actions", got)
			}
			byTitle := map[string]store.Task{}
			for _, x := range got {
				byTitle[x.Title] = x
			}
			req := byTitle["提交方案"]
			if req.DueDate != tt.wantDue || !req.Required || req.AssigneeID != f.zhang || req.CustomerID != f.dashang ||
				req.StageID != f.stage["需求分析"].ID || req.Status != store.TaskTodo {
				t.Errorf("required task = %+v, want due %q, required, 张三's, on 大商股份 in 需求分析", req, tt.wantDue)
			}
			if opt := byTitle["客户演示"]; opt.DueDate != "2026-03-11" || opt.Required {
				t.Errorf("optional task = %+v, want due 2026-03-11, optional", opt)
			}
			// Leaving for an earlier stage and coming back does not repeat them.
			if _, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage["初期沟通"].ID}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage["需求分析"].ID}); err != nil {
				t.Fatal(err)
			}
			if n := len(f.oppTasks(t, o.ID)); n != 2 {
				t.Errorf("re-entering made %d tasks, want still 2", n)
			}
		})
	}
}

func TestCreatingInAStageCreatesItsActions(t *testing.T) {
	f := newFixture(t)
	f.setPlaybook(t, "初期沟通", false, f.step("需求调研", true, "2"))
	o := f.newOpp(t, "初期沟通")
	got := f.oppTasks(t, o.ID)
	if len(got) != 1 || got[0].Title != "需求调研" || got[0].DueDate != "2026-03-12" {
		t.Fatalf("tasks = %+v, want 需求调研 due 2026-03-12", got)
	}
}

func TestRequiredActionsBlockPromotion(t *testing.T) {
	tests := []struct {
		name   string
		to     string
		lost   string
		wantOK bool
	}{
		{"to the next open stage", "方案制定", "", false},
		{"to a later open stage", "商务谈判", "", false},
		{"to won", "谈成结束", "", false},
		{"to lost", "未成结束", "价格太高", true},
		{"back to an earlier stage", "初期沟通", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setPlaybook(t, "需求分析", false, f.step("提交方案", true, "3"), f.step("报价审批", false, ""),
				f.step("客户演示", true, ""))
			o := f.newOpp(t, "需求分析")
			history := storetest.Count(t, f.st, "stage_history")
			_, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage[tt.to].ID, LostReason: tt.lost})
			if tt.wantOK {
				storetest.WantErr(t, err, "", "")
				if got := f.stageOf(t, o.ID); got != tt.to {
					t.Errorf("stage = %s, want %s", got, tt.to)
				}
				return
			}
			storetest.WantErr(t, err, apperr.CodeInvalid, "stageId")
			e, _ := apperr.As(err)
			if e.Message != "还需完成：提交方案、客户演示" || !strings.HasPrefix(e.MessageEn, "Still to do: 提交方案、客户演示") {
				t.Errorf("refusal = %q / %q, want the two required actions named", e.Message, e.MessageEn)
			}
			if got := f.stageOf(t, o.ID); got != "需求分析" || storetest.Count(t, f.st, "stage_history") != history {
				t.Errorf("a refused move changed something: stage %s", got)
			}
			// The form's edit is held to the same rule.
			in := opportunity.Input{Name: o.Name, CustomerID: o.CustomerID, OwnerID: o.OwnerID, StageID: f.stage[tt.to].ID, Amount: "40000"}
			_, err = f.opps.Update(o.ID, in)
			storetest.WantErr(t, err, apperr.CodeInvalid, "stageId")

			// One required action done: the other is still named.
			steps, err := f.tasks.CompleteStep(o.ID, f.action["提交方案"], true)
			if err != nil || steps.Done != 1 || steps.Total != 3 {
				t.Fatalf("complete = %+v, %v; want 1 of 3 done", steps, err)
			}
			_, err = f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage[tt.to].ID})
			if e, _ := apperr.As(err); e == nil || e.Message != "还需完成：客户演示" {
				t.Fatalf("after one done: %v, want 还需完成：客户演示", err)
			}
			// Both done (the optional one left open): the move goes through.
			if _, err := f.tasks.CompleteStep(o.ID, f.action["客户演示"], true); err != nil {
				t.Fatal(err)
			}
			if _, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage[tt.to].ID}); err != nil {
				t.Fatalf("move after the required actions are done: %v", err)
			}
			if got := f.stageOf(t, o.ID); got != tt.to {
				t.Errorf("stage = %s, want %s", got, tt.to)
			}
		})
	}
}

func TestCancelledRequiredActionStillBlocks(t *testing.T) {
	f := newFixture(t)
	f.setPlaybook(t, "需求分析", false, f.step("提交方案", true, ""))
	o := f.newOpp(t, "需求分析")
	tasks := f.oppTasks(t, o.ID)
	if _, err := f.tasks.SetStatus(tasks[0].ID, store.TaskCancelled, "客户不需要"); err != nil {
		t.Fatal(err)
	}
	_, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.stage["方案制定"].ID})
	storetest.WantErr(t, err, apperr.CodeInvalid, "stageId")
}

func TestAutoPromotion(t *testing.T) {
	tests := []struct {
		name      string
		auto      bool
		complete  []string
		wantStage string
	}{
		{"the last required action promotes", true, []string{"提交方案", "客户演示"}, "方案制定"},
		{"one of two required does not", true, []string{"提交方案"}, "需求分析"},
		{"only the optional one does not", true, []string{"报价审批"}, "需求分析"},
		{"setting off does not", false, []string{"提交方案", "客户演示"}, "需求分析"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setPlaybook(t, "需求分析", tt.auto, f.step("提交方案", true, ""), f.step("客户演示", true, ""),
				f.step("报价审批", false, ""))
			f.setPlaybook(t, "方案制定", false, f.step("合同评审", true, "5"))
			o := f.newOpp(t, "需求分析")
			var last Steps
			for _, name := range tt.complete {
				var err error
				if last, err = f.tasks.CompleteStep(o.ID, f.action[name], true); err != nil {
					t.Fatal(err)
				}
			}
			if got := f.stageOf(t, o.ID); got != tt.wantStage {
				t.Fatalf("stage = %s, want %s", got, tt.wantStage)
			}
			promoted := tt.wantStage != "需求分析"
			if (last.Promoted != "") != promoted {
				t.Errorf("Promoted = %q, want promoted %v", last.Promoted, promoted)
			}
			if !promoted {
				return
			}
			// The new stage's actions are there, due from today.
			var found bool
			for _, x := range f.oppTasks(t, o.ID) {
				if x.Title == "合同评审" && x.DueDate == "2026-03-15" && x.StageID == f.stage["方案制定"].ID {
					found = true
				}
			}
			if !found || last.StageName != "方案制定" || last.Total != 1 || last.Done != 0 {
				t.Errorf("after promotion: steps %+v, 合同评审 task found %v", last, found)
			}
		})
	}
}

func TestAutoPromotionByTaskStatus(t *testing.T) {
	f := newFixture(t)
	f.setPlaybook(t, "需求分析", true, f.step("提交方案", true, "1"))
	o := f.newOpp(t, "需求分析")
	tk := f.oppTasks(t, o.ID)[0]
	if _, err := f.tasks.SetStatus(tk.ID, store.TaskDone, "方案已发"); err != nil {
		t.Fatal(err)
	}
	if got := f.stageOf(t, o.ID); got != "方案制定" {
		t.Errorf("stage = %s, want 方案制定 after the task was marked done", got)
	}
	got, _ := f.tasks.Get(tk.ID)
	if got.Result != "方案已发" || got.DoneAt == "" {
		t.Errorf("task = %+v, want the result and the done time", got)
	}
}

func TestTaskValidation(t *testing.T) {
	f := newFixture(t)
	oppOfLi, err := f.opps.Create(opportunity.Input{Name: "喜多多续购", CustomerID: f.xiduoduo, OwnerID: f.li,
		StageID: f.stage["初期沟通"].ID})
	if err != nil {
		t.Fatal(err)
	}
	valid := func() Input {
		return Input{Title: "电话回访", AssigneeID: f.zhang, DueDate: "2026-03-12", DueTime: "14:30", CustomerID: f.dashang}
	}
	tests := []struct {
		name   string
		edit   func(*Input)
		code   string
		fields []string
	}{
		{"valid", func(*Input) {}, "", nil},
		{"slashes and a short time", func(in *Input) { in.DueDate, in.DueTime = "2026/3/12", "9:05" }, "", nil},
		{"impossible date", func(in *Input) { in.DueDate = "2026-02-30" }, apperr.CodeInvalid, []string{"dueDate"}},
		{"words for a date", func(in *Input) { in.DueDate = "下周二" }, apperr.CodeInvalid, []string{"dueDate"}},
		{"bad time", func(in *Input) { in.DueTime = "25:00" }, apperr.CodeInvalid, []string{"dueTime"}},
		{"time without a date", func(in *Input) { in.DueDate = "" }, apperr.CodeInvalid, []string{"dueDate"}},
		{"no title", func(in *Input) { in.Title = "  " }, apperr.CodeInvalid, []string{"title"}},
		{"no assignee", func(in *Input) { in.AssigneeID = 0 }, apperr.CodeInvalid, []string{"assigneeId"}},
		{"unknown assignee", func(in *Input) { in.AssigneeID = 999 }, apperr.CodeInvalid, []string{"assigneeId"}},
		{"bad priority", func(in *Input) { in.Priority = 7 }, apperr.CodeInvalid, []string{"priority"}},
		{"bad status", func(in *Input) { in.Status = "later" }, apperr.CodeInvalid, []string{"status"}},
		{"opportunity of another customer", func(in *Input) { in.OpportunityID = oppOfLi.ID }, apperr.CodeInvalid, []string{"opportunityId"}},
		{"all at once", func(in *Input) { in.Title, in.DueDate, in.DueTime = "", "2026-13-01", "x" }, apperr.CodeInvalid,
			[]string{"title", "dueDate", "dueTime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "tasks")
			in := valid()
			tt.edit(&in)
			got, err := f.tasks.Create(in)
			if tt.code == "" {
				storetest.WantErr(t, err, "", "")
				if got.DueDate != "2026-03-12" || got.Priority != 2 || got.Status != store.TaskTodo {
					t.Errorf("task = %+v, want due 2026-03-12, normal priority, todo", got)
				}
				return
			}
			storetest.WantFields(t, err, tt.fields...)
			if n := storetest.Count(t, f.st, "tasks"); n != before {
				t.Errorf("a refused task was written: %d tasks, want %d", n, before)
			}
		})
	}
}

func TestListViews(t *testing.T) {
	f := newFixture(t)
	for _, x := range []struct{ title, due, status string }{
		{"上周的", "2026-03-03", ""}, {"昨天的", "2026-03-09", ""}, {"今天的", today, "doing"},
		{"周日的", "2026-03-15", ""}, {"下周一的", "2026-03-16", ""}, {"昨天做完的", "2026-03-09", "done"},
		{"没日期的", "", ""},
	} {
		if _, err := f.tasks.Create(Input{Title: x.title, AssigneeID: f.zhang, DueDate: x.due, Status: x.status}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.tasks.Create(Input{Title: "李四今天的", AssigneeID: f.li, DueDate: today}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		view      string
		assignees []int64
		want      string
	}{
		{"overdue", nil, "上周的,昨天的"},
		{"today", nil, "今天的,李四今天的"},
		{"week", nil, "今天的,李四今天的,周日的"},
		{"today", []int64{f.li}, "李四今天的"},
		{"", []int64{f.li}, "李四今天的"},
	}
	for _, tt := range tests {
		t.Run(tt.view, func(t *testing.T) {
			p, err := f.tasks.List(ListRequest{Filter: Filter{View: tt.view, AssigneeIDs: tt.assignees}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range p.Items {
				got = append(got, x.Title)
				if x.Overdue != (x.Title == "上周的" || x.Title == "昨天的") {
					t.Errorf("%s overdue = %v", x.Title, x.Overdue)
				}
			}
			if strings.Join(got, ",") != tt.want || p.Total != len(got) || p.WeekEnd != "2026-03-15" {
				t.Errorf("view %q = %v (total %d, week end %s), want %s", tt.view, got, p.Total, p.WeekEnd, tt.want)
			}
		})
	}
	loads, err := f.tasks.Loads(nil)
	if err != nil || len(loads) != 2 || loads[0].AssigneeName != "张三" || loads[0].Overdue != 2 || loads[0].Open != 6 ||
		loads[0].DueThisWeek != 2 || loads[1].DueToday != 1 {
		t.Errorf("loads = %+v, %v", loads, err)
	}
	_, err = f.tasks.List(ListRequest{Filter: Filter{View: "someday"}})
	storetest.WantErr(t, err, apperr.CodeInvalid, "view")
}

func TestTaskFromFollowUpNextAction(t *testing.T) {
	f := newFixture(t)
	env := svc.New(svc.Fixed(time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local)))
	fu := followup.NewService(f.st, env)
	rec, err := fu.Create(followup.Input{CustomerID: f.dashang, Date: today, Method: "电话", Content: "谈了预算",
		NextDate: "2026-03-17", NextAction: "发送报价"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fu.MakeTask(rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "发送报价" || got.DueDate != "2026-03-17" || got.AssigneeID != f.zhang || got.CustomerID != f.dashang || got.FollowUpID != rec.ID {
		t.Errorf("task = %+v, want 发送报价 due 2026-03-17 for 张三 on 大商股份", got)
	}
	_, err = fu.MakeTask(rec.ID)
	storetest.WantErr(t, err, apperr.CodeConflict, "nextAction")
	bare, _ := fu.Create(followup.Input{CustomerID: f.dashang, Date: today, Method: "电话", Content: "寒暄"})
	_, err = fu.MakeTask(bare.ID)
	storetest.WantErr(t, err, apperr.CodeInvalid, "nextAction")
}

func TestPlaybookSettings(t *testing.T) {
	f := newFixture(t)
	stage := f.stage["需求分析"].ID
	tests := []struct {
		name  string
		steps []playbook.StepInput
		code  string
	}{
		{"repeated action", []playbook.StepInput{f.step("提交方案", true, ""), f.step("提交方案", false, "")}, apperr.CodeInvalid},
		{"negative days", []playbook.StepInput{f.step("提交方案", true, "-1")}, apperr.CodeInvalid},
		{"days in words", []playbook.StepInput{f.step("提交方案", true, "三")}, apperr.CodeInvalid},
		{"unknown action", []playbook.StepInput{{ActionID: 999}}, apperr.CodeInvalid},
		{"valid", []playbook.StepInput{f.step("客户演示", true, "2"), f.step("提交方案", false, "")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.books.SetPlaybook(stage, playbook.PlaybookInput{AutoPromote: true, Steps: tt.steps})
			storetest.WantErr(t, err, tt.code, map[bool]string{true: "", false: "steps"}[tt.code == ""])
		})
	}
	p, err := f.books.Playbook(stage)
	if err != nil || !p.AutoPromote || len(p.Steps) != 2 || p.Steps[0].ActionName != "客户演示" || p.Steps[0].DueDays != 2 || p.Steps[1].DueDays != -1 {
		t.Errorf("playbook = %+v, %v", p, err)
	}
	if _, err := f.books.CreateAction(playbook.ActionInput{Name: "提交方案"}); err == nil {
		t.Error("a second 提交方案 was accepted")
	}
	// Deleting an action takes it out of the playbooks.
	if err := f.books.DeleteAction(f.action["客户演示"]); err != nil {
		t.Fatal(err)
	}
	if p, _ := f.books.Playbook(stage); len(p.Steps) != 1 {
		t.Errorf("playbook after deleting an action = %+v", p)
	}
}

func TestDashboardShowsDueTasks(t *testing.T) {
	f := newFixture(t)
	for _, x := range []struct{ title, due, status string }{
		{"昨天的", "2026-03-09", ""}, {"今天的", today, ""}, {"今天做完的", today, "done"}, {"明天的", "2026-03-11", ""},
	} {
		if _, err := f.tasks.Create(Input{Title: x.title, AssigneeID: f.zhang, DueDate: x.due, Status: x.status}); err != nil {
			t.Fatal(err)
		}
	}
	d := dashboard.NewService(f.st, svc.New(svc.Fixed(time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local))))
	got, err := d.Get()
	if err != nil {
		t.Fatal(err)
	}
	if got.TasksToday.Count != 1 || got.TasksToday.Items[0].Title != "今天的" || got.TasksOverdue.Count != 1 ||
		got.TasksOverdue.Items[0].Title != "昨天的" || !got.TasksOverdue.Items[0].Overdue {
		t.Errorf("工作台 tasks: today %+v, overdue %+v", got.TasksToday, got.TasksOverdue)
	}
	c, err := d.Counts()
	if err != nil || c.TasksToday != 1 || c.TasksOverdue != 1 || c.Badge != 2 {
		t.Errorf("counts = %+v, %v; want one task today, one overdue, badge 2", c, err)
	}
}

// TestDeleteToBin: a deleted task leaves the lists and the search, waits
// in the recycle bin, and comes back with its id, links and result.
func TestDeleteToBin(t *testing.T) {
	f := newFixture(t)
	o, err := f.opps.Create(opportunity.Input{Name: "大商ERP", CustomerID: f.dashang, OwnerID: f.zhang, StageID: f.stage["初期沟通"].ID})
	if err != nil {
		t.Fatal(err)
	}
	x, err := f.tasks.Create(Input{Title: "回访大商采购部", AssigneeID: f.zhang, DueDate: "2026-03-12", Priority: 1,
		OpportunityID: o.ID, Result: "约了周五"})
	if err != nil {
		t.Fatal(err)
	}
	found := func() int {
		t.Helper()
		p, err := f.tasks.List(ListRequest{Filter: Filter{Query: "大商采购"}})
		if err != nil {
			t.Fatal(err)
		}
		return p.Total
	}
	if n := found(); n != 1 {
		t.Fatalf("search before delete found %d", n)
	}
	if err := f.tasks.Delete(x.ID); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 0 {
		t.Fatalf("search after delete found %d", n)
	}
	if _, err := f.tasks.Get(x.ID); err == nil {
		t.Fatal("a deleted task is still there")
	}
	bin := recycle.NewService(f.st, svc.New(svc.Fixed(time.Date(2026, 3, 10, 10, 0, 0, 0, time.Local))))
	p, err := bin.List(recycle.Filter{Kind: "task"})
	if err != nil || p.Total != 1 || p.Items[0].Name != "回访大商采购部" {
		t.Fatalf("bin %+v, %v", p, err)
	}
	if _, err := bin.Restore([]int64{p.Items[0].ID}); err != nil {
		t.Fatal(err)
	}
	back, err := f.tasks.Get(x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != x.Title || back.OpportunityID != o.ID || back.Result != "约了周五" || back.Priority != 1 {
		t.Errorf("restored %+v, want %+v", back, x)
	}
	if n := found(); n != 1 {
		t.Errorf("search after restore found %d", n)
	}
	if n := storetest.Count(t, f.st, "recycle_bin"); n != 0 {
		t.Errorf("bin keeps %d entries after the restore", n)
	}
}

// TestLeadTasks: a task on a lead is listed by the lead's filter; an
// unknown lead is refused on the leadId field and writes nothing.
func TestLeadTasks(t *testing.T) {
	f := newFixture(t)
	var lead int64
	if err := f.st.Tx(context.Background(), func(tx store.Tx) error {
		var err error
		lead, err = store.InsertLead(context.Background(), tx, store.Lead{Name: "展会线索", Company: "宁波光嘉"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	before := storetest.Count(t, f.st, "tasks")
	_, err := f.tasks.Create(Input{Title: "回电", AssigneeID: f.zhang, LeadID: lead + 100})
	storetest.WantFields(t, err, "leadId")
	if n := storetest.Count(t, f.st, "tasks"); n != before {
		t.Errorf("a refused task was written: %d tasks, want %d", n, before)
	}
	x, err := f.tasks.Create(Input{Title: "回电确认需求", AssigneeID: f.zhang, LeadID: lead, DueDate: "2026-03-11"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.tasks.Create(Input{Title: "别的任务", AssigneeID: f.zhang}); err != nil {
		t.Fatal(err)
	}
	p, err := f.tasks.List(ListRequest{Filter: Filter{LeadID: lead}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Items[0].ID != x.ID || p.Items[0].LeadID != lead {
		t.Errorf("lead's tasks %+v, want only %d", p.Items, x.ID)
	}
}

// TestDueTasksFirstByDateThenTime: the 工作台's overdue list is the first
// open tasks by date, then time, then id, also when the limit falls inside
// a day whose tasks were entered out of time order, and the count is of
// them all.
func TestDueTasksFirstByDateThenTime(t *testing.T) {
	f := newFixture(t)
	type due struct{ date, time, status string }
	in := []due{
		{"2026-03-05", "15:00", ""}, {"2026-03-03", "", ""}, {"2026-03-05", "09:00", ""}, {"2026-03-05", "", ""},
		{"2026-03-03", "10:00", "done"}, {"2026-03-04", "18:00", ""}, {"2026-03-05", "11:30", ""}, {"2026-03-06", "08:00", ""},
		{"2026-03-05", "09:00", ""}, {"2026-03-02", "23:00", "cancelled"}, {"2026-03-11", "08:00", ""},
	}
	var want []string
	for i, x := range in {
		title := fmt.Sprintf("任务%02d", i)
		if _, err := f.tasks.Create(Input{Title: title, AssigneeID: f.zhang, DueDate: x.date, DueTime: x.time, Status: x.status}); err != nil {
			t.Fatal(err)
		}
		if x.status == "" && x.date < today {
			want = append(want, x.date+" "+x.time+" "+title)
		}
	}
	sort.Strings(want) // date, time ("" first), then title, which follows the id here
	for _, limit := range []int{1, 2, 3, 4, 5, len(want), len(want) + 3} {
		items, n, err := store.DueTasks(context.Background(), f.st.DB, "", "2026-03-09", today, limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range items {
			got = append(got, x.DueDate+" "+x.DueTime+" "+x.Title)
		}
		w := want[:min(limit, len(want))]
		if n != len(want) || strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("limit %d: %d tasks %v, want %d %v", limit, n, got, len(want), w)
		}
	}
}

// TestKeptDueCounts: the kept per-assignee, per-day open task counts
// (task_due_counts) equal a fresh count of the tasks after every kind of
// write: create, edit of date and assignee, status changes, delete to the
// bin, restore and purge; and the loads and the 工作台 read them.
func TestKeptDueCounts(t *testing.T) {
	f := newFixture(t)
	bin := recycle.NewService(f.st, svc.New(svc.Fixed(time.Date(2026, 3, 10, 10, 0, 0, 0, time.Local))))
	check := func(when string) {
		t.Helper()
		type row struct {
			A int64  `db:"a"`
			D string `db:"d"`
			N int    `db:"n"`
		}
		var kept, fresh []row
		if err := f.st.DB.Select(&kept, `SELECT assignee_id AS a, due_date AS d, n FROM task_due_counts WHERE n <> 0 ORDER BY 1, 2`); err != nil {
			t.Fatal(err)
		}
		if err := f.st.DB.Select(&fresh, `SELECT assignee_id AS a, due_date AS d, COUNT(*) AS n FROM tasks
			WHERE status IN ('todo', 'doing') GROUP BY 1, 2 ORDER BY 1, 2`); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(kept) != fmt.Sprint(fresh) {
			t.Errorf("%s: kept %v, counted %v", when, kept, fresh)
		}
	}
	var ids []int64
	for i, x := range []struct{ due, status string }{
		{"2026-03-09", ""}, {"2026-03-09", "doing"}, {today, ""}, {"", ""}, {"2026-03-12", "done"}, {"2026-03-01", "cancelled"}, {"2026-03-13", ""}, {today, "doing"},
	} {
		owner := f.zhang
		if i%2 == 1 {
			owner = f.li
		}
		x, err := f.tasks.Create(Input{Title: fmt.Sprintf("任务%d", i), AssigneeID: owner, DueDate: x.due, Status: x.status})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	check("created")
	if _, err := f.tasks.Update(ids[0], Input{Title: "改期改人", AssigneeID: f.li, DueDate: "2026-03-11"}); err != nil {
		t.Fatal(err)
	}
	check("date and assignee changed")
	if _, err := f.tasks.SetStatus(ids[2], store.TaskDone, "做完了"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.tasks.SetStatus(ids[4], store.TaskTodo, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.tasks.SetStatus(ids[1], store.TaskTodo, ""); err != nil {
		t.Fatal(err)
	}
	check("status changed")
	for _, id := range ids[3:5] {
		if err := f.tasks.Delete(id); err != nil {
			t.Fatal(err)
		}
	}
	check("deleted")
	p, err := bin.List(recycle.Filter{Kind: "task"})
	if err != nil || len(p.Items) != 2 {
		t.Fatalf("bin %+v, %v", p, err)
	}
	if _, err := bin.Restore([]int64{p.Items[0].ID}); err != nil {
		t.Fatal(err)
	}
	check("restored")
	if _, err := bin.Purge([]int64{p.Items[1].ID}); err != nil {
		t.Fatal(err)
	}
	check("purged")

	// The views' totals (read from the kept counts) against a count.
	views := map[string]string{"overdue": `due_date <> '' AND due_date < '2026-03-10'`, "today": `due_date = '2026-03-10'`,
		"week": `due_date BETWEEN '2026-03-10' AND '2026-03-15'`}
	for view, cond := range views {
		for _, who := range [][]int64{nil, {f.zhang}, {f.li}, {f.zhang, f.li}} {
			p, err := f.tasks.List(ListRequest{Filter: Filter{View: view, AssigneeIDs: who}, PageSize: 1})
			if err != nil {
				t.Fatal(err)
			}
			w := `status IN ('todo', 'doing') AND ` + cond
			if len(who) == 1 {
				w += fmt.Sprintf(" AND assignee_id = %d", who[0])
			}
			var n int
			if err := f.st.DB.Get(&n, `SELECT COUNT(*) FROM tasks WHERE `+w); err != nil {
				t.Fatal(err)
			}
			if p.Total != n {
				t.Errorf("view %s of %v: total %d, counted %d", view, who, p.Total, n)
			}
		}
	}

	// Open now: 任务1 (李四, 03-09, overdue), 改期改人 (李四, 03-11),
	// 任务3 or 任务4 back from the bin, 任务6 (张三, 03-13).
	loads, err := f.tasks.Loads(nil)
	if err != nil {
		t.Fatal(err)
	}
	var fresh []store.AssigneeLoad
	if err := f.st.DB.Select(&fresh, `SELECT o.id AS assignee_id, o.name AS assignee_name, COUNT(*) AS open,
		SUM(t.due_date <> '' AND t.due_date < ?) AS overdue, SUM(t.due_date = ?) AS due_today,
		SUM(t.due_date BETWEEN ? AND '2026-03-15') AS due_week
		FROM tasks t JOIN owners o ON o.id = t.assignee_id WHERE t.status IN ('todo', 'doing')
		GROUP BY o.id ORDER BY overdue DESC, open DESC, o.id`, today, today, today); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(loads) != fmt.Sprint(fresh) || len(loads) == 0 {
		t.Errorf("loads %+v, counted %+v", loads, fresh)
	}
}
