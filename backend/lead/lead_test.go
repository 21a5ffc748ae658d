package lead

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/followup"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// today is the fixed clock's date in every test here.
const today = "2026-03-10"

type fixture struct {
	s      *Service
	st     *store.Store
	env    *svc.Env
	zhang  int64
	li     int64
	stage  store.Stage
	retire int64
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	st := storetest.New(t)
	at, _ := time.ParseInLocation("2006-01-02 15:04", today+" 09:30", time.Local)
	env := svc.New(svc.Fixed(at))
	// created_at (and the day the period filters read) comes from the
	// store's clock.
	store.SetClock(env.Now)
	t.Cleanup(func() { store.SetClock(nil) })
	f := fixture{s: NewService(st, env), st: st, env: env}
	f.zhang = storetest.Owner(t, st, "张三")
	f.li = storetest.Owner(t, st, "李四")
	var err error
	if f.retire, err = store.InsertOwner(context.Background(), st.W, "王五", false); err != nil {
		t.Fatal(err)
	}
	f.stage = storetest.Stage(t, st, "初期沟通")
	return f
}

func (f fixture) lead(t *testing.T, in Input) store.Lead {
	t.Helper()
	if in.OwnerID == 0 {
		in.OwnerID = f.zhang
	}
	l, err := f.s.Create(in)
	if err != nil {
		t.Fatalf("create lead %q: %v", in.Name, err)
	}
	return l
}

// counts is the number of rows of each table a conversion writes.
func counts(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tb := range []string{"customers", "contacts", "opportunities", "stage_history", "customer_flow", "oplog"} {
		out[tb] = storetest.Count(t, st, tb)
	}
	return out
}

func TestCreateValidation(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		in     Input
		code   string
		fields []string
	}{
		{"ok", Input{Name: "展会名片 华强", Company: "华强电子", Phone: "+86 138-0013-8000", Email: "wang@hq.cn", OwnerID: f.zhang}, "", nil},
		{"no name", Input{OwnerID: f.zhang}, apperr.CodeInvalid, []string{"name"}},
		{"bad phone", Input{Name: "A", Phone: "abc", OwnerID: f.zhang}, apperr.CodeInvalid, []string{"phone"}},
		{"two emails", Input{Name: "A", Email: "a@b.cn, c@d.cn", OwnerID: f.zhang}, apperr.CodeInvalid, []string{"email"}},
		{"email without domain", Input{Name: "A", Email: "wang@", OwnerID: f.zhang}, apperr.CodeInvalid, []string{"email"}},
		{"no owner", Input{Name: "A"}, apperr.CodeInvalid, []string{"ownerId"}},
		{"retired owner", Input{Name: "A", OwnerID: f.retire}, apperr.CodeInvalid, []string{"ownerId"}},
		{"all at once", Input{Phone: "12", Email: "x", OwnerID: f.zhang}, apperr.CodeInvalid, []string{"name", "phone", "email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "leads")
			l, err := f.s.Create(tt.in)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				if l.Status != store.LeadNew || l.OwnerName != "张三" || l.Phone != "+86 138-0013-8000" {
					t.Errorf("created %+v", l)
				}
				var py string
				if err := f.st.DB.Get(&py, `SELECT name_py FROM leads WHERE id = ?`, l.ID); err != nil || py == "" {
					t.Errorf("pinyin key %q, %v", py, err)
				}
				return
			}
			storetest.WantErr(t, err, tt.code, tt.fields[0])
			storetest.WantFields(t, err, tt.fields...)
			if after := storetest.Count(t, f.st, "leads"); after != before {
				t.Errorf("a refused lead wrote a row")
			}
		})
	}
}

func TestListFilters(t *testing.T) {
	f := newFixture(t)
	a := f.lead(t, Input{Name: "华强线索", Company: "华强电子", Source: "展会"})
	b := f.lead(t, Input{Name: "大商线索", Company: "大商股份", Source: "官网", OwnerID: f.li, Phone: "010-6552 1234"})
	c := f.lead(t, Input{Name: "测试线索", Source: "展会"})
	if _, err := f.s.SetStatus(StatusChange{IDs: []int64{c.ID}, Status: store.LeadInvalid, Reason: "空号"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    Filter
		want []int64
	}{
		{"all newest first", Filter{}, []int64{c.ID, b.ID, a.ID}},
		{"status", Filter{Status: store.LeadInvalid}, []int64{c.ID}},
		{"owner", Filter{OwnerID: f.li}, []int64{b.ID}},
		{"source", Filter{Source: "展会"}, []int64{c.ID, a.ID}},
		{"company text", Filter{Query: "大商"}, []int64{b.ID}},
		{"phone text", Filter{Query: "6552"}, []int64{b.ID}},
		{"pinyin initials", Filter{Query: "hq"}, []int64{a.ID}},
		{"created today", Filter{CreatedFrom: today, CreatedTo: today}, []int64{c.ID, b.ID, a.ID}},
		{"created before", Filter{CreatedTo: "2026-03-09"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.List(ListRequest{Filter: tt.f, Page: 1, PageSize: 50})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, l := range p.Items {
				got = append(got, l.ID)
			}
			if p.Total != len(tt.want) || len(got) != len(tt.want) {
				t.Fatalf("got %v (total %d), want %v", got, p.Total, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
	_, err := f.s.List(ListRequest{Filter: Filter{Status: "lost"}})
	storetest.WantErr(t, err, apperr.CodeInvalid, "status")
	_, err = f.s.List(ListRequest{Filter: Filter{CreatedFrom: "2026-03-10", CreatedTo: "2026-03-01"}})
	storetest.WantErr(t, err, apperr.CodeInvalid, "createdTo")
}

func TestSetStatus(t *testing.T) {
	f := newFixture(t)
	l := f.lead(t, Input{Name: "华强线索"})
	conv := f.lead(t, Input{Name: "已转", Company: "转化公司"})
	if _, err := f.s.Convert(ConvertInput{LeadID: conv.ID}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		in          StatusChange
		code, field string
		want        string
	}{
		{"working", StatusChange{IDs: []int64{l.ID}, Status: store.LeadWorking}, "", "", store.LeadWorking},
		{"invalid without reason", StatusChange{IDs: []int64{l.ID}, Status: store.LeadInvalid, Reason: "  "}, apperr.CodeInvalid, "reason", store.LeadWorking},
		{"invalid with reason", StatusChange{IDs: []int64{l.ID}, Status: store.LeadInvalid, Reason: "空号"}, "", "", store.LeadInvalid},
		{"converted by hand", StatusChange{IDs: []int64{l.ID}, Status: store.LeadConverted}, apperr.CodeInvalid, "status", store.LeadInvalid},
		{"unknown", StatusChange{IDs: []int64{l.ID}, Status: "won"}, apperr.CodeInvalid, "status", store.LeadInvalid},
		{"a converted one refuses all", StatusChange{IDs: []int64{l.ID, conv.ID}, Status: store.LeadNew}, apperr.CodeConflict, "status", store.LeadInvalid},
		{"none", StatusChange{Status: store.LeadNew}, apperr.CodeInvalid, "ids", store.LeadInvalid},
		{"back to new", StatusChange{IDs: []int64{l.ID}, Status: store.LeadNew}, "", "", store.LeadNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.SetStatus(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			got, err := f.s.Get(l.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.want {
				t.Errorf("status = %s, want %s", got.Status, tt.want)
			}
			if (got.Status == store.LeadInvalid) != (got.InvalidReason == "空号") {
				t.Errorf("reason = %q with status %s", got.InvalidReason, got.Status)
			}
		})
	}
}

func TestBatchAssign(t *testing.T) {
	f := newFixture(t)
	a := f.lead(t, Input{Name: "甲"})
	b := f.lead(t, Input{Name: "乙", OwnerID: f.li})
	c := f.lead(t, Input{Name: "丙"})
	tests := []struct {
		name        string
		ids         []int64
		owner       int64
		code, field string
		changed     int
		wantLi      []int64
	}{
		{"unknown lead refuses all", []int64{a.ID, 9999}, f.li, apperr.CodeNotFound, "id", 0, []int64{b.ID}},
		{"retired owner", []int64{a.ID}, f.retire, apperr.CodeInvalid, "ownerId", 0, []int64{b.ID}},
		{"no leads", nil, f.li, apperr.CodeInvalid, "ids", 0, []int64{b.ID}},
		{"two to li, one already his", []int64{a.ID, b.ID, c.ID}, f.li, "", "", 2, []int64{a.ID, b.ID, c.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := f.s.BatchAssign(tt.ids, tt.owner)
			storetest.WantErr(t, err, tt.code, tt.field)
			if n != tt.changed {
				t.Errorf("changed %d, want %d", n, tt.changed)
			}
			p, err := f.s.List(ListRequest{Filter: Filter{OwnerID: f.li}})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(tt.wantLi) {
				t.Errorf("李四 holds %d leads, want %d", p.Total, len(tt.wantLi))
			}
		})
	}
}

func TestConvert(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	existing := storetest.Customer(t, f.st, "大商科技有限公司", f.li)
	pooled, err := store.InsertCustomer(ctx, f.st.W, store.Customer{Name: "公海客户", Status: store.CustomerPool})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		lead        Input
		in          ConvertInput
		code, field string
		check       func(t *testing.T, c Converted)
	}{
		{"customer, contact and opportunity",
			Input{Name: "展会线索", Company: "华强电子", ContactName: "王经理", Phone: "13800138000", Email: "wang@hq.cn", Source: "展会"},
			ConvertInput{CreateOpportunity: true, OpportunityName: "ERP 项目", StageID: f.stage.ID, Amount: "40,000", ExpectedClose: "2026-06-30", ContactTitle: "经理"},
			"", "", func(t *testing.T, c Converted) {
				if c.Customer.Name != "华强电子" || c.Customer.Source != "展会" || c.Customer.OwnerName != "张三" || c.Linked {
					t.Errorf("customer %+v", c.Customer)
				}
				if c.Contact.Name != "王经理" || c.Contact.Phone != "13800138000" || c.Contact.Email != "wang@hq.cn" || c.Contact.Title != "经理" {
					t.Errorf("contact %+v", c.Contact)
				}
				if c.Opportunity.Name != "ERP 项目" || c.Opportunity.AmountCents != 4000000 || c.Opportunity.Source != "展会" ||
					c.Opportunity.CustomerID != c.Customer.ID || c.Opportunity.ExpectedClose != "2026-06-30" {
					t.Errorf("opportunity %+v", c.Opportunity)
				}
				l := c.Lead
				if l.Status != store.LeadConverted || l.CustomerID != c.Customer.ID || l.ContactID != c.Contact.ID ||
					l.OpportunityID != c.Opportunity.ID || l.CustomerName != "华强电子" || l.ConvertedAt == "" {
					t.Errorf("lead %+v", l)
				}
			}},
		{"no opportunity, defaults from the lead",
			Input{Name: "李先生", Source: "官网"}, ConvertInput{},
			"", "", func(t *testing.T, c Converted) {
				if c.Customer.Name != "李先生" || c.Contact.Name != "李先生" || c.Opportunity.ID != 0 || c.Lead.OpportunityID != 0 {
					t.Errorf("converted %+v", c)
				}
			}},
		{"duplicate name refused naming it",
			Input{Name: "大商线索", Company: "大商科技"}, ConvertInput{},
			apperr.CodeConflict, "customerName", nil},
		{"duplicate linked",
			Input{Name: "大商线索2", Company: "大商科技", ContactName: "赵总"}, ConvertInput{CustomerID: existing},
			"", "", func(t *testing.T, c Converted) {
				if !c.Linked || c.Customer.ID != existing || c.Contact.CustomerID != existing || c.Lead.CustomerID != existing {
					t.Errorf("converted %+v", c)
				}
			}},
		{"a pooled customer is not linked", Input{Name: "公海线索"}, ConvertInput{CustomerID: pooled},
			apperr.CodeInvalid, "customerId", nil},
		{"duplicate of a pooled customer", Input{Name: "公海线索2", Company: "公海客户"}, ConvertInput{},
			apperr.CodeConflict, "customerName", nil},
		// The customer and the contact are valid and would be written
		// before the opportunity is checked: nothing of them may stay.
		{"bad amount after the customer", Input{Name: "半途", Company: "半途科技", ContactName: "钱工"},
			ConvertInput{CreateOpportunity: true, StageID: f.stage.ID, Amount: "四万"},
			apperr.CodeInvalid, "opportunity.amount", nil},
		{"bad close date after the customer", Input{Name: "半途2", Company: "半途二科技"},
			ConvertInput{CreateOpportunity: true, StageID: f.stage.ID, ExpectedClose: "2026-02-30"},
			apperr.CodeInvalid, "opportunity.expectedClose", nil},
		{"unknown stage after the customer", Input{Name: "半途3", Company: "半途三科技"},
			ConvertInput{CreateOpportunity: true, StageID: 9999},
			apperr.CodeInvalid, "opportunity.stageId", nil},
		{"bad contact name after the customer", Input{Name: "半途4", Company: "半途四科技"},
			ConvertInput{ContactName: string(make([]rune, 60))},
			apperr.CodeInvalid, "contact.name", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := f.lead(t, tt.lead)
			before := counts(t, f.st)
			tt.in.LeadID = l.ID
			c, err := f.s.Convert(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			after := counts(t, f.st)
			if tt.code != "" {
				for k, v := range before {
					if after[k] != v {
						t.Errorf("a refused conversion changed %s: %d → %d", k, v, after[k])
					}
				}
				got, _ := f.s.Get(l.ID)
				if got.Status != store.LeadNew || got.CustomerID != 0 {
					t.Errorf("refused conversion left the lead %+v", got)
				}
				return
			}
			tt.check(t, c)
			if after["contacts"] != before["contacts"]+1 {
				t.Errorf("contacts %d → %d", before["contacts"], after["contacts"])
			}
			// Converting again is refused.
			_, err = f.s.Convert(ConvertInput{LeadID: l.ID})
			storetest.WantErr(t, err, apperr.CodeConflict, "leadId")
		})
	}
	// The duplicate message names the customer it found.
	l := f.lead(t, Input{Name: "再来", Company: "大商科技"})
	_, err = f.s.Convert(ConvertInput{LeadID: l.ID})
	if e, _ := apperr.As(err); e == nil || e.Params["name"] != "大商科技有限公司" {
		t.Errorf("duplicate error %v does not name the customer", err)
	}
	chk, err := f.s.CheckConvert(l.ID, "")
	if err != nil || len(chk.Duplicates) != 1 || chk.Duplicates[0].ID != existing || chk.CustomerName != "大商科技" {
		t.Errorf("check %+v, %v", chk, err)
	}
	// An invalid lead is not converted.
	bad := f.lead(t, Input{Name: "无效", Company: "无效公司"})
	if _, err := f.s.SetStatus(StatusChange{IDs: []int64{bad.ID}, Status: store.LeadInvalid, Reason: "重复"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Convert(ConvertInput{LeadID: bad.ID})
	storetest.WantErr(t, err, apperr.CodeConflict, "leadId")
}

func TestFollowUpsOnLead(t *testing.T) {
	f := newFixture(t)
	l := f.lead(t, Input{Name: "展会线索", Company: "华强电子"})
	fs := followup.NewService(f.st, f.env)
	fu, err := fs.Create(followup.Input{LeadID: l.ID, Date: today, Method: "电话", Content: "约了演示", NextDate: "2026-03-12"})
	if err != nil {
		t.Fatal(err)
	}
	if fu.LeadID != l.ID || fu.CustomerID != 0 || fu.LeadName != "展会线索" || !fu.Pending {
		t.Errorf("follow-up %+v", fu)
	}
	list, err := fs.List(followup.Of{LeadID: l.ID})
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v, %v", list, err)
	}
	_, err = fs.Create(followup.Input{LeadID: 9999, Date: today, Method: "电话", Content: "x"})
	storetest.WantErr(t, err, apperr.CodeInvalid, "leadId")
	// The follow-ups stay on the lead after it is converted.
	if _, err := f.s.Convert(ConvertInput{LeadID: l.ID}); err != nil {
		t.Fatal(err)
	}
	if list, _ = fs.List(followup.Of{LeadID: l.ID}); len(list) != 1 {
		t.Errorf("after conversion the lead has %d follow-ups", len(list))
	}
}

func TestConversionReport(t *testing.T) {
	f := newFixture(t)
	mk := func(name, source string, owner int64) store.Lead {
		return f.lead(t, Input{Name: name, Source: source, OwnerID: owner})
	}
	a := mk("a", "展会", f.zhang)
	mk("b", "展会", f.zhang)
	c := mk("c", "展会", f.li)
	d := mk("d", "官网", f.li)
	mk("e", "", f.li)
	for _, id := range []int64{a.ID, d.ID} {
		if _, err := f.s.Convert(ConvertInput{LeadID: id}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.SetStatus(StatusChange{IDs: []int64{c.ID}, Status: store.LeadInvalid, Reason: "空号"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		req   ReportRequest
		want  []RateRow
		total RateRow
	}{
		{"by source", ReportRequest{By: "source"}, []RateRow{
			{Key: "展会", Total: 3, Converted: 1, Invalid: 1, RateBP: 3333},
			{Key: "", Total: 1}, {Key: "官网", Total: 1, Converted: 1, RateBP: 10000}},
			RateRow{Total: 5, Converted: 2, Invalid: 1, RateBP: 4000}},
		{"by owner", ReportRequest{By: "owner", From: today, To: today}, []RateRow{
			{Key: "李四", OwnerID: f.li, Total: 3, Converted: 1, Invalid: 1, RateBP: 3333},
			{Key: "张三", OwnerID: f.zhang, Total: 2, Converted: 1, RateBP: 5000}},
			RateRow{Total: 5, Converted: 2, Invalid: 1, RateBP: 4000}},
		{"empty period", ReportRequest{By: "owner", To: "2026-01-01"}, nil, RateRow{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := f.s.ConversionReport(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Rows) != len(tt.want) {
				t.Fatalf("rows %+v, want %+v", rep.Rows, tt.want)
			}
			for i := range tt.want {
				if rep.Rows[i] != tt.want[i] {
					t.Errorf("row %d = %+v, want %+v", i, rep.Rows[i], tt.want[i])
				}
			}
			if rep.Total != tt.total {
				t.Errorf("total %+v, want %+v", rep.Total, tt.total)
			}
		})
	}
	_, err := f.s.ConversionReport(ReportRequest{By: "team"})
	storetest.WantErr(t, err, apperr.CodeInvalid, "by")
}

func TestExport(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	f.env.SetPicker(svc.DirPicker(dir))
	a := f.lead(t, Input{Name: "华强线索", Company: "华强电子", Source: "展会", Notes: "=1+2"})
	f.lead(t, Input{Name: "大商线索", Source: "官网"})
	if _, err := f.s.Convert(ConvertInput{LeadID: a.ID, CreateOpportunity: true, StageID: f.stage.ID}); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "xlsx"} {
		path, err := f.s.Export(Filter{Source: "展会"}, format)
		if err != nil || path == "" {
			t.Fatalf("export %s: %q %v", format, path, err)
		}
		rpath, err := f.s.ExportConversion(ReportRequest{By: "owner"}, format)
		if err != nil || rpath == "" {
			t.Fatalf("report %s: %q %v", format, rpath, err)
		}
	}
	csv := readFile(t, dir, "线索-20260310.csv")
	for _, want := range []string{"线索名称", "华强线索", "已转化", "华强电子", "'=1+2"} {
		if !strings.Contains(csv, want) {
			t.Errorf("lead CSV lacks %q:\n%s", want, csv)
		}
	}
	if strings.Contains(csv, "大商线索") {
		t.Errorf("the source filter was not applied:\n%s", csv)
	}
	rep := readFile(t, dir, "线索转化率-20260310.csv")
	for _, want := range []string{"负责人", "张三,2,1,0,50", "合计,2,1,0,50"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report CSV lacks %q:\n%s", want, rep)
		}
	}
	_, err := f.s.Export(Filter{}, "pdf")
	storetest.WantErr(t, err, apperr.CodeInvalid, "format")
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDeleteAndRestore(t *testing.T) {
	f := newFixture(t)
	l := f.lead(t, Input{Name: "删除的线索", Company: "华强电子"})
	fs := followup.NewService(f.st, f.env)
	if _, err := fs.Create(followup.Input{LeadID: l.ID, Date: today, Method: "电话", Content: "打过电话"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Delete(l.ID); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, f.st, "leads") + storetest.Count(t, f.st, "followups"); n != 0 {
		t.Fatalf("%d rows left after the delete", n)
	}
	storetest.WantErr(t, f.s.Delete(l.ID), apperr.CodeNotFound, "id")
	bin := recycle.NewService(f.st, f.env)
	p, err := bin.List(recycle.Filter{Kind: "lead"})
	if err != nil || p.Total != 1 {
		t.Fatalf("bin %+v, %v", p, err)
	}
	if _, err := bin.Restore([]int64{p.Items[0].ID}); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Get(l.ID)
	if err != nil || got.Name != "删除的线索" {
		t.Fatalf("restored %+v, %v", got, err)
	}
	if list, _ := fs.List(followup.Of{LeadID: l.ID}); len(list) != 1 {
		t.Errorf("the follow-up did not come back: %v", list)
	}
}
