package importer

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"funneldesk/backend/apperr"
	"funneldesk/backend/followup"
	"funneldesk/backend/lead"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

const leadsZhCSV = "线索名称,公司名称,联系人,电话,邮箱,线索来源,负责人,状态,备注,无效原因\n" +
	"展会名片,华强电子,王经理,138-0013-8000,wang@hq.cn,展会,张三,新线索,要报价,\n" +
	"官网表单,大商股份,赵总,010-6552 1234,,官网,赵六,跟进中,,\n" +
	"空号,,,,,,张三,无效,,空号打不通\n"

// leadRows is every lead as a line, in id order, for comparing states.
func leadRows(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	err := st.DB.Select(&out, `SELECT l.id || '|' || l.name || '|' || l.company || '|' || l.contact_name || '|' || l.phone || '|' ||
		l.email || '|' || l.source || '|' || COALESCE(w.name, '') || '|' || l.status || '|' || l.invalid_reason || '|' || l.notes
		FROM leads l LEFT JOIN owners w ON w.id = l.owner_id ORDER BY l.id`)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func importLeads(t *testing.T, st *store.Store, data string, opts Options) (Result, error) {
	t.Helper()
	if opts.FileName == "" {
		opts.FileName = "leads.csv"
	}
	return ImportKind(context.Background(), st, KindLeads, Source{Name: opts.FileName, Data: []byte(data)}, opts)
}

func leadsXLSX(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportLeadFiles: Chinese and English headers, GBK and XLSX are read;
// a bad row refuses the whole file, naming every problem's row and column.
func TestImportLeadFiles(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(leadsZhCSV)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   string
		def    string
		want   int
		owners int
		errs   []string
	}{
		{"chinese utf-8", leadsZhCSV, "", 3, 1, nil},
		{"chinese gbk", gbk, "", 3, 1, nil},
		{"english with default owner", "Lead Name,Company,Contact Person,Phone,E-mail,Lead Source,Status,Notes\n" +
			"Expo card,ACME Ltd,Jane,+1 555 0100,jane@acme.com,Expo,Working,hot\n", "李四", 1, 1, nil},
		{"xlsx", string(leadsXLSX(t, [][]any{{"线索名称", "电话", "负责人"}, {"甲", "13800138000", "张三"}, {"乙", "13900139000", "张三"}})), "", 2, 0, nil},
		{"no owner: the first active one", "线索名称,电话\n甲,13800138000\n", "", 1, 0, nil},
		{"bad rows refuse the file", "线索名称,电话,邮箱,负责人,状态,无效原因\n" +
			"好的,13800138000,a@b.cn,张三,,\n" +
			",abc,wang@,张三,,\n" +
			"无效的,,,张三,无效,\n" +
			"怪状态,,,张三,成交,\n", "", 0, 0, []string{"3 线索名称", "3 电话", "3 邮箱", "4 无效原因", "5 状态"}},
		{"no name column", "公司名称,负责人\n华强,张三\n", "", 0, 0, []string{"1 线索名称"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			if err := st.Tx(context.Background(), func(tx store.Tx) error {
				_, err := store.InsertOwner(context.Background(), tx, "张三", true)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			before := countRows(t, st).owners
			res, err := importLeads(t, st, tt.data, Options{DefaultOwner: tt.def})
			if tt.errs != nil {
				var rows *RowErrors
				if !errors.As(err, &rows) {
					t.Fatalf("error = %v, want row errors", err)
				}
				var got []string
				for _, e := range rows.Errors {
					got = append(got, strconv.Itoa(e.Row)+" "+e.Column)
					if e.Message == "" || e.MessageEn == "" {
						t.Errorf("row error %+v lacks a message", e)
					}
				}
				if strings.Join(got, ",") != strings.Join(tt.errs, ",") {
					t.Fatalf("errors %v, want %v", got, tt.errs)
				}
				if n := len(leadRows(t, st)); n != 0 {
					t.Errorf("a refused file wrote %d leads", n)
				}
				if countRows(t, st).owners != before {
					t.Errorf("a refused file added owners")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != tt.want || res.OwnersCreated != tt.owners || res.Kind != KindLeads {
				t.Errorf("result %+v, want %d added, %d owners", res, tt.want, tt.owners)
			}
			if n := len(leadRows(t, st)); n != tt.want {
				t.Errorf("%d leads written, want %d", n, tt.want)
			}
		})
	}
	// What a good file wrote, field by field.
	st := openDB(t)
	if _, err := importLeads(t, st, leadsZhCSV, Options{}); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(leadRows(t, st), "\n")
	want := "1|展会名片|华强电子|王经理|138-0013-8000|wang@hq.cn|展会|张三|new||要报价\n" +
		"2|官网表单|大商股份|赵总|010-6552 1234||官网|赵六|working||\n" +
		"3|空号||||||张三|invalid|空号打不通|"
	if got != want {
		t.Errorf("leads\n%s\nwant\n%s", got, want)
	}
}

// TestLeadUpsert: a row finds its lead by phone (however written), else by
// email, else by name + company + contact person; the on-duplicate choice
// decides what it does; a converted lead keeps its status.
func TestLeadUpsert(t *testing.T) {
	const base = "线索名称,公司名称,联系人,电话,邮箱,负责人,状态\n" +
		"展会名片,华强电子,王经理,13800138000,,张三,新线索\n" +
		"官网表单,大商股份,赵总,,zhao@ds.cn,张三,新线索\n" +
		"转介绍,远景科技,,,,张三,跟进中\n"
	tests := []struct {
		name    string
		file    string
		dup     string
		convert bool // convert lead 1 before the second file
		counts  KindCount
		want    []string
	}{
		{"phone written otherwise updates", "线索名称,电话,备注\n名片更新,+86 138-0013-8000,回电\n", "", false,
			KindCount{Kind: KindLeads, Updated: 1}, []string{"1|名片更新|华强电子|王经理|+86 138-0013-8000|||张三|new||回电"}},
		{"email updates", "线索名称,邮箱,负责人\n表单,ZHAO@ds.cn,李四\n", "", false,
			KindCount{Kind: KindLeads, Updated: 1}, []string{"2|表单|大商股份|赵总||ZHAO@ds.cn||李四|new||"}},
		{"name + company without phone updates", "线索名称,公司名称,状态\n转介绍,远景科技有限公司,新线索\n", "", false,
			KindCount{Kind: KindLeads, Updated: 1}, []string{"3|转介绍|远景科技有限公司|||||张三|new||"}},
		{"another phone is another lead", "线索名称,公司名称,联系人,电话\n展会名片,华强电子,王经理,13900139000\n", "", false,
			KindCount{Kind: KindLeads, New: 1}, []string{"4|展会名片|华强电子|王经理|13900139000|||张三|new||"}},
		{"skip leaves it", "线索名称,电话,备注\n名片更新,13800138000,回电\n", DupSkip, false,
			KindCount{Kind: KindLeads, Skipped: 1}, []string{"1|展会名片|华强电子|王经理|13800138000|||张三|new||"}},
		{"create adds another", "线索名称,电话\n展会名片,13800138000\n", DupCreate, false,
			KindCount{Kind: KindLeads, New: 1}, []string{"4|展会名片|||13800138000|||张三|new||"}},
		{"rows of one file are one lead", "线索名称,电话,备注\n甲,13700137000,一\n甲二,137 0013 7000,二\n", "", false,
			KindCount{Kind: KindLeads, New: 1, Merged: 1}, []string{"4|甲二|||137 0013 7000|||张三|new||二"}},
		{"a converted lead keeps its status", "线索名称,电话,状态,备注\n展会名片,13800138000,新线索,已回访\n", "", true,
			KindCount{Kind: KindLeads, Updated: 1}, []string{"1|展会名片|华强电子|王经理|13800138000|||张三|converted||已回访"}},
		{"a converted lead given its own values is unchanged", "线索名称,电话,状态\n展会名片,13800138000,新线索\n", "", true,
			KindCount{Kind: KindLeads, Unchanged: 1}, []string{"1|展会名片|华强电子|王经理|13800138000|||张三|converted||"}},
		{"its own values again are unchanged", "线索名称,电话,负责人\n展会名片,13800138000,张三\n", "", false,
			KindCount{Kind: KindLeads, Unchanged: 1}, []string{"1|展会名片|华强电子|王经理|13800138000|||张三|new||"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			if _, err := importLeads(t, st, base, Options{}); err != nil {
				t.Fatal(err)
			}
			if tt.convert {
				s := lead.NewService(st, svc.New(nil))
				if _, err := s.Convert(lead.ConvertInput{LeadID: 1, CustomerName: "华强电子"}); err != nil {
					t.Fatal(err)
				}
			}
			before := leadRows(t, st)
			res, err := importLeads(t, st, tt.file, Options{OnDuplicate: tt.dup, FileName: "2.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Counts) != 1 || res.Counts[0] != tt.counts {
				t.Errorf("counts %+v, want %+v", res.Counts, tt.counts)
			}
			after := leadRows(t, st)
			if len(after) != len(before)+tt.counts.New {
				t.Errorf("%d leads, want %d", len(after), len(before)+tt.counts.New)
			}
			for _, w := range tt.want {
				found := false
				for _, a := range after {
					found = found || a == w
				}
				if !found {
					t.Errorf("no lead %q in\n%s", w, strings.Join(after, "\n"))
				}
			}
		})
	}
}

// TestLeadImportTwice: importing the same file again leaves the same
// leads; the preview says so row by row.
func TestLeadImportTwice(t *testing.T) {
	st := openDB(t)
	if _, err := importLeads(t, st, leadsZhCSV, Options{}); err != nil {
		t.Fatal(err)
	}
	once := leadRows(t, st)
	res, err := importLeads(t, st, leadsZhCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Updated != 0 || res.Unchanged != 3 {
		t.Errorf("second import %+v, want 0 added, 0 updated, 3 unchanged", res)
	}
	if twice := leadRows(t, st); strings.Join(twice, "\n") != strings.Join(once, "\n") {
		t.Errorf("after a second import\n%s\nwant\n%s", strings.Join(twice, "\n"), strings.Join(once, "\n"))
	}
	s := NewService(st, svc.New(nil))
	p, err := s.PreviewData("leads.csv", b64(leadsZhCSV+"新的,,,13600136000,,,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindLeads || fmt.Sprint(p.RowActions) != "[update update update new]" ||
		fmt.Sprint(p.Counts) != fmt.Sprint([]KindCount{{Kind: KindLeads, New: 1, Updated: 3}}) {
		t.Errorf("preview kind %q, actions %v, counts %+v", p.Kind, p.RowActions, p.Counts)
	}
}

// TestLeadUndo: undo removes the leads an import added and restores those
// it updated; it is refused, naming them, for leads edited, converted or
// given a follow-up since; with others it undoes the rest. The clock is
// fixed, so updated_at cannot tell a change: the operation log must.
func TestLeadUndo(t *testing.T) {
	ctx := context.Background()
	store.SetClock(func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local) })
	defer store.SetClock(nil)
	env := svc.New(func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local) })
	const base = "线索名称,公司名称,电话,负责人\n甲,华强,13800138000,张三\n乙,大商,13900139000,张三\n"
	const second = "线索名称,公司名称,电话,负责人,状态\n甲改,华强电子,13800138000,李四,跟进中\n" +
		"丙,远景,13700137000,张三,\n丁,恒通,13600136000,张三,\n戊,瑞丰,13500135000,张三,\n"
	tests := []struct {
		name   string
		change func(t *testing.T, st *store.Store, byName map[string]int64)
		// refused names the leads the undo is refused for ("" = none).
		refused string
	}{
		{"nothing changed", nil, ""},
		{"edited, converted, followed up", func(t *testing.T, st *store.Store, id map[string]int64) {
			ls := lead.NewService(st, env)
			if _, err := ls.Update(id["甲改"], lead.Input{Name: "甲再改", Phone: "13800138000", OwnerID: 2}); err != nil {
				t.Fatal(err)
			}
			if _, err := ls.Convert(lead.ConvertInput{LeadID: id["丙"], CustomerName: "远景"}); err != nil {
				t.Fatal(err)
			}
			fs := followup.NewService(st, env)
			if _, err := fs.Create(followup.Input{LeadID: id["丁"], Date: "2026-03-02", Method: "电话", Content: "聊过"}); err != nil {
				t.Fatal(err)
			}
		}, "丙、丁、甲再改"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			if _, err := importLeads(t, st, base, Options{FileName: "1.csv"}); err != nil {
				t.Fatal(err)
			}
			before := leadRows(t, st)
			ownersBefore := countRows(t, st).owners
			res, err := importLeads(t, st, second, Options{FileName: "2.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != 3 || res.Updated != 1 || res.OwnersCreated != 1 || res.ImportID == 0 {
				t.Fatalf("result %+v", res)
			}
			hist, err := store.ListImports(ctx, st.DB)
			if err != nil || len(hist) != 2 || hist[0].Kind != KindLeads || hist[0].FileName != "2.csv" || !strings.Contains(hist[0].Mapping, `"lead_name"`) {
				t.Fatalf("history %+v (%v)", hist, err)
			}
			id := map[string]int64{}
			var rows []struct {
				ID   int64  `db:"id"`
				Name string `db:"name"`
			}
			if err := st.DB.Select(&rows, `SELECT id, name FROM leads`); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				id[r.Name] = r.ID
			}
			if tt.change != nil {
				tt.change(t, st, id)
			}
			_, err = UndoImport(ctx, st, res.ImportID, false)
			if tt.refused == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := leadRows(t, st); strings.Join(got, "\n") != strings.Join(before, "\n") {
					t.Errorf("after undo\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
				}
				if countRows(t, st).owners != ownersBefore {
					t.Errorf("the owner the import added is still there")
				}
				checkIntegrity(t, st)
				return
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.CodeConflict {
				t.Fatalf("undo after changes: %v, want a conflict", err)
			}
			for _, n := range strings.Split(tt.refused, "、") {
				if !strings.Contains(e.Message, n) {
					t.Errorf("refusal %q does not name %s", e.Message, n)
				}
			}
			if strings.Contains(e.Message, "戊") {
				t.Errorf("refusal %q names an unchanged lead", e.Message)
			}
			kept, err := UndoImport(ctx, st, res.ImportID, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(kept.Kept) != 3 {
				t.Errorf("kept %+v, want the 3 changed leads", kept.Kept)
			}
			var names []string
			if err := st.DB.Select(&names, `SELECT name FROM leads ORDER BY id`); err != nil {
				t.Fatal(err)
			}
			// 戊 went; 乙 was not touched; the changed three stay as they are.
			if got := strings.Join(names, ","); got != "甲再改,乙,丙,丁" {
				t.Errorf("leads after undoing the others: %s", got)
			}
			checkIntegrity(t, st)
		})
	}
}

// TestDetectLeadKind: a header that says 线索 / Lead makes a lead file; a
// lead source column alone does not (opportunity and customer exports
// have one).
func TestDetectLeadKind(t *testing.T) {
	tests := []struct {
		headers []string
		want    string
	}{
		{[]string{"线索名称", "公司名称", "电话"}, KindLeads},
		{[]string{"Lead Name", "Company", "Phone", "Lead Status"}, KindLeads},
		{[]string{"线索", "手机"}, KindLeads},
		{[]string{"客户名称", "线索来源", "电话"}, KindCustomers},
		{[]string{"Name", "Account Name", "Stage", "Amount", "Lead Source"}, KindOpportunities},
	}
	for _, tt := range tests {
		if got := DetectKind(tt.headers); got != tt.want {
			t.Errorf("DetectKind(%v) = %q, want %q", tt.headers, got, tt.want)
		}
	}
}
