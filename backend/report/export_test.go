package report

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/export"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/svc"
)

// readExport reads the file an export wrote.
func readExport(t *testing.T) func(path string, err error) string {
	return func(path string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
}

func TestExports(t *testing.T) {
	f := newFixture(t)
	dir := exporttest.Dir(t, f.s.env)
	recv := func(req ReceivablesRequest) func(string) (string, error) {
		return func(format string) (string, error) { return f.s.ExportReceivables(req, format) }
	}
	sales := func(req SalesRequest) func(string) (string, error) {
		return func(format string) (string, error) { return f.s.ExportProductSales(req, format) }
	}
	money := func(n int) []export.Kind {
		out := []export.Kind{export.Text}
		for range n {
			out = append(out, export.Money)
		}
		return out
	}
	salesKinds := func(lead, months int) []export.Kind {
		out := make([]export.Kind, lead)
		for range months + 1 {
			out = append(out, export.Qty, export.Money)
		}
		return out
	}
	tests := []struct {
		name    string
		run     func(format string) (string, error)
		file    string
		kinds   []export.Kind
		rows    string // the first column
		last    string // the last column of the totals row (CSV)
		filters map[string]string
	}{
		{"receivables by customer", recv(ReceivablesRequest{}), "应收款-按客户", money(4), "喜多多贸易,大商股份,合计", "4000.00",
			map[string]string{"分组": "按客户", "截至": "2026-03-15"}},
		{"receivables by owner, overdue only", recv(ReceivablesRequest{GroupBy: "owner", OverdueOnly: true}), "应收款-按负责人", money(4),
			"李四,合计", "4000.00", map[string]string{"分组": "按负责人", "逾期": "只看有逾期的"}},
		{"receivables of a customer due in a period", recv(ReceivablesRequest{Filter: ReceivablesFilter{CustomerID: f.cust,
			OwnerIDs: []int64{f.zhang, f.li}, DueFrom: "2026-04-01", DueTo: "2026-04-30"}}), "应收款-按客户", money(4), "大商股份,合计", "0.00",
			map[string]string{"客户": "大商股份", "负责人": "张三、李四", "到期日期": "2026-04-01 ~ 2026-04-30"}},
		{"product sales", sales(SalesRequest{From: "2026-01", To: "2026-02", Lang: "en"}), "产品销售", salesKinds(3, 2), "C,A,B,合计", "7700.00",
			map[string]string{"分组": "按产品", "期间": "2026-01 ~ 2026-02", "说明": "已扣除退货，不含已作废订单"}},
		{"product sales by category of a category and owner", sales(SalesRequest{GroupBy: "category", From: "2026-01", To: "2026-03",
			CategoryID: f.printers.ID, OwnerIDs: []int64{f.zhang}}), "产品销售", salesKinds(1, 3), "办公设备 / 打印机,合计", "2000.00",
			map[string]string{"分组": "按产品分类", "产品分类": "打印机（含下级分类）", "负责人": "张三"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, err := tt.run("csv")
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Dir(path) != dir || filepath.Base(path) != tt.file+"-20260315.csv" {
				t.Errorf("written to %s", path)
			}
			recs := exporttest.ReadCSV(t, path)
			if path, err = tt.run("xlsx"); err != nil {
				t.Fatal(err)
			}
			x := exporttest.OpenXLSX(t, path)
			exporttest.CheckSheet(t, x, tt.file, recs[0][:len(tt.kinds)], tt.kinds)
			rows := exporttest.Rows(t, x, tt.file)
			var c, v []string
			for _, r := range recs[1:] {
				c = append(c, r[0])
			}
			for _, r := range rows[1:] {
				v = append(v, r[0])
			}
			if strings.Join(c, ",") != tt.rows || strings.Join(v, ",") != tt.rows {
				t.Errorf("csv %v, xlsx %v, want %s", c, v, tt.rows)
			}
			if last := recs[len(recs)-1]; last[len(last)-1] != tt.last {
				t.Errorf("totals row %q, want it to end with %s", last, tt.last)
			}
			got := exporttest.Filters(t, x)
			for k, want := range tt.filters {
				if got[k] != want {
					t.Errorf("filter %s = %q, want %q (all %q)", k, got[k], want, got)
				}
			}
			exporttest.CheckRefusals(t, f.s.env, tt.run)
			f.s.env.SetPicker(svc.DirPicker(dir))
		})
	}
	if _, err := f.s.ExportReceivables(ReceivablesRequest{GroupBy: "stage"}, "csv"); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad group: %v", err)
	}
	if _, err := f.s.ExportProductSales(SalesRequest{From: "2026-13"}, "xlsx"); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad month: %v", err)
	}
}

func TestSaveProductSalesChart(t *testing.T) {
	f := newFixture(t)
	dir := exporttest.Dir(t, f.s.env)
	tests := []struct {
		size, file string
		w, h       int
	}{{"", "产品销售-20260315.png", chart.ScreenWidth, chart.ScreenHeight}, {"print", "产品销售-A4-20260315.png", chart.PrintWidth, chart.PrintHeight}}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			path, err := f.s.SaveProductSalesChart(SalesChartRequest{Sales: SalesRequest{From: "2026-01", To: "2026-03"}, Size: tt.size})
			if err != nil {
				t.Fatal(err)
			}
			if path != filepath.Join(dir, tt.file) {
				t.Errorf("written to %s", path)
			}
			b, _ := os.ReadFile(path)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds(); got.Dx() != tt.w || got.Dy() != tt.h {
				t.Errorf("size %v, want %d×%d", got, tt.w, tt.h)
			}
		})
	}
	for _, name := range exporttest.Files(t, dir) {
		os.Remove(filepath.Join(dir, name))
	}
	asked := 0
	f.s.env.SetPicker(func(string) (string, error) { asked++; return "", nil })
	for _, bad := range []SalesChartRequest{{Size: "huge"}, {Measure: "margin"}, {Sales: SalesRequest{From: "x"}}} {
		if _, err := f.s.SaveProductSalesChart(bad); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	if asked != 0 {
		t.Errorf("bad input opened the dialog %d times", asked)
	}
	if path, err := f.s.SaveProductSalesChart(SalesChartRequest{}); path != "" || err != nil || asked != 1 {
		t.Errorf("cancel: %q, %v", path, err)
	}
	if files := exporttest.Files(t, dir); len(files) != 0 {
		t.Errorf("files left: %v", files)
	}
}
