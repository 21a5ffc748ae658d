package customer

import (
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/export/exporttest"
)

func TestExport(t *testing.T) {
	f := newFixture(t)
	dir := exporttest.Dir(t, f.s.env)
	for i, in := range []Input{
		{Name: "大商股份(TEST)", Classification: "潜在客户", OwnerID: f.owner, Phone: "0411-88888888", Notes: "老客户, 付款及时"},
		{Name: "喜多多贸易", Classification: "意向客户", OwnerID: f.other, Phone: "+86 138 0000 0000"},
		{Name: "@上海医药", Classification: "潜在客户", OwnerID: f.other},
	} {
		if _, err := f.s.Create(in); err != nil {
			t.Fatalf("customer %d: %v", i, err)
		}
	}
	f.addOpportunity(t, 1)
	tests := []struct {
		name    string
		filter  Filter
		want    string
		filters map[string]string
	}{
		{"all, whatever the page, in pinyin order (da, shang, xi)", Filter{Page: 2, PageSize: 1}, "大商股份(TEST),@上海医药,喜多多贸易", map[string]string{"筛选": "无（全部记录）"}},
		{"classification and owner", Filter{Classification: "潜在客户", OwnerID: f.other}, "@上海医药",
			map[string]string{"客户分类": "潜在客户", "负责人": "李四"}},
		{"search by phone", Filter{Query: "8888"}, "大商股份(TEST)", map[string]string{"搜索": "8888"}},
		{"nothing", Filter{Query: "无此客户"}, "", map[string]string{"搜索": "无此客户"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, err := f.s.Export(tt.filter, "csv")
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "客户-") {
				t.Errorf("written to %s", path)
			}
			recs := exporttest.ReadCSV(t, path)
			if path, err = f.s.Export(tt.filter, "xlsx"); err != nil {
				t.Fatal(err)
			}
			x := exporttest.OpenXLSX(t, path)
			exporttest.CheckTable(t, x, "客户", Columns)
			rows := exporttest.Rows(t, x, "客户")
			var c, v []string
			for _, r := range recs[1:] {
				c = append(c, strings.TrimPrefix(r[0], "'"))
			}
			for _, r := range rows[1:] {
				v = append(v, r[0])
			}
			if strings.Join(c, ",") != tt.want || strings.Join(v, ",") != tt.want {
				t.Errorf("csv %v, xlsx %v, want %s", c, v, tt.want)
			}
			got := exporttest.Filters(t, x)
			for k, want := range tt.filters {
				if got[k] != want {
					t.Errorf("filter %s = %q, want %q (all %q)", k, got[k], want, got)
				}
			}
		})
	}
	path, _ := f.s.Export(Filter{Query: "大商"}, "csv")
	recs := exporttest.ReadCSV(t, path)
	want := []string{"大商股份(TEST)", "潜在客户", "", "", "0411-88888888", "", "张三", "1", "老客户, 付款及时"}
	if got := recs[1][:len(want)]; strings.Join(got, "|") != strings.Join(want, "|") || !strings.Contains(recs[1][9], "T") {
		t.Errorf("row %q, want %q and a creation time", recs[1], want)
	}
	path, _ = f.s.Export(Filter{Query: "喜多多"}, "csv")
	if recs := exporttest.ReadCSV(t, path); recs[1][4] != "'+86 138 0000 0000" {
		t.Errorf("a phone starting with + is %q, want it quoted", recs[1][4])
	}
	exporttest.CheckRefusals(t, f.s.env, func(format string) (string, error) { return f.s.Export(Filter{}, format) })
}
