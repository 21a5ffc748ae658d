package importer

import (
	"os"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
)

// The .xls files in testdata were written by xlwt (a BIFF8 writer) with
// testdata/make_xls.py: text with Chinese, a date-formatted cell, money
// formats and an empty cell in the middle of a row.
func TestParseXLS(t *testing.T) {
	tests := []struct {
		file    string
		headers string
		rows    []string
	}{
		{"customers.xls", "客户名称|电话|联系人|手机|邮箱|创建日期|金额", []string{
			"华强电子有限公司|0755-83000000|李四|13800138000|li@hq.com|2025-03-14|12800.5",
			"远景科技||赵六|13700137000||2024-12-31|3",
			"Acme Ltd.|010-65521234|John Smith||john@acme.com|2025-01-02|1234567.89",
		}},
		{"products.xls", "产品编码|产品名称|单位|标准价格", []string{"P-001|服务器|台|12800", "P-002|维保|年|99.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := Parse(Source{Name: tt.file, Data: b})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Format != "xls" || strings.Join(tb.Headers, "|") != tt.headers {
				t.Fatalf("format %s headers %q, want %q", tb.Format, tb.Headers, tt.headers)
			}
			if len(tb.Rows) != len(tt.rows) {
				t.Fatalf("%d rows, want %d", len(tb.Rows), len(tt.rows))
			}
			for i, want := range tt.rows {
				cells := append([]string{}, tb.Rows[i].Cells...)
				for len(cells) < len(tb.Headers) {
					cells = append(cells, "")
				}
				if got := strings.Join(cells, "|"); got != want {
					t.Errorf("row %d = %q, want %q", tb.Rows[i].Num, got, want)
				}
			}
		})
	}
}

func TestImportXLS(t *testing.T) {
	st := openDB(t)
	b, err := os.ReadFile("testdata/opportunities.xls")
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, st, Source{Name: "opportunities.xls", Data: b}, Options{})
	if res.Opportunities != 1 || !strings.Contains(Summary(res, "o.xls"), "[XLS]") {
		t.Fatalf("result %+v", res)
	}
	o := listOpps(t, st)[0]
	if o.AmountCents != 5000025 || o.ExpectedClose != "2025-06-30" || o.CustomerName != "华强电子" {
		t.Errorf("opportunity %+v", o)
	}
	b, err = os.ReadFile("testdata/customers.xls")
	if err != nil {
		t.Fatal(err)
	}
	cres := mustKind(t, st, KindCustomers, "customers.xls", string(b), Options{})
	// 华强电子有限公司 is the customer the opportunity created.
	if got := countsOf(cres); got[KindCustomers] != [3]int{2, 1, 0} || got[KindContacts] != [3]int{3, 0, 0} {
		t.Errorf("counts %v", got)
	}
	// A broken .xls is refused with the way to save it as .xlsx.
	broken := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	_, err = Parse(Source{Name: "x.xls", Data: broken})
	if e, ok := apperr.As(err); !ok || !strings.Contains(e.Message, ".xlsx") || !strings.Contains(e.MessageEn, "Save As") {
		t.Errorf("broken xls: %v", err)
	}
}
