package lead

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"funneldesk/backend/importer"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func xlsx(t *testing.T, rows [][]any) []byte {
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

const zhCSV = "线索名称,公司名称,联系人,电话,邮箱,线索来源,负责人,状态,备注,无效原因\n" +
	"展会名片,华强电子,王经理,138-0013-8000,wang@hq.cn,展会,张三,新线索,要报价,\n" +
	"官网表单,大商股份,赵总,010-6552 1234,,官网,赵六,跟进中,,\n" +
	"空号,,,,,,张三,无效,,空号打不通\n"

func TestImport(t *testing.T) {
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		def  string
		// want is the leads written; errs the row/column of each problem.
		want   int
		owners int
		errs   []string
	}{
		{"chinese utf-8", func(*testing.T) []byte { return []byte(zhCSV) }, "", 3, 1, nil},
		{"chinese gbk", func(t *testing.T) []byte { return gbk(t, zhCSV) }, "", 3, 1, nil},
		{"english with default owner", func(*testing.T) []byte {
			return []byte("Lead Name,Company,Contact Person,Phone,E-mail,Lead Source,Status,Notes\n" +
				"Expo card,ACME Ltd,Jane,+1 555 0100,jane@acme.com,Expo,Working,hot\n")
		}, "李四", 1, 1, nil},
		{"xlsx", func(t *testing.T) []byte {
			return xlsx(t, [][]any{{"线索名称", "电话", "负责人"}, {"甲", "13800138000", "张三"}, {"乙", "", "张三"}})
		}, "", 2, 0, nil},
		{"bad rows refuse the file", func(*testing.T) []byte {
			return []byte("线索名称,电话,邮箱,负责人,状态,无效原因\n" +
				"好的,13800138000,a@b.cn,张三,,\n" +
				",abc,wang@,张三,,\n" +
				"无效的,,,张三,无效,\n" +
				"怪状态,,,张三,成交,\n" +
				"没负责人,,,,,\n")
		}, "", 0, 0, []string{"3 线索名称", "3 电话", "3 邮箱", "4 无效原因", "5 状态", "6 负责人"}},
		{"no name column", func(*testing.T) []byte { return []byte("公司名称,负责人\n华强,张三\n") }, "", 0, 0, []string{"1 线索名称"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storetest.New(t)
			storetest.Owner(t, st, "张三")
			ownersBefore := storetest.Count(t, st, "owners")
			res, err := Import(context.Background(), st, importer.Source{Name: "leads.csv", Data: tt.data(t)},
				ImportOptions{DefaultOwner: tt.def})
			if tt.errs != nil {
				var rows *importer.RowErrors
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
				if len(got) != len(tt.errs) {
					t.Fatalf("errors %v, want %v", got, tt.errs)
				}
				for i := range got {
					if got[i] != tt.errs[i] {
						t.Fatalf("errors %v, want %v", got, tt.errs)
					}
				}
				if n := storetest.Count(t, st, "leads"); n != 0 {
					t.Errorf("a refused file wrote %d leads", n)
				}
				if n := storetest.Count(t, st, "owners"); n != ownersBefore {
					t.Errorf("a refused file added owners")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Leads != tt.want || res.OwnersCreated != tt.owners {
				t.Errorf("result %+v, want %d leads, %d owners", res, tt.want, tt.owners)
			}
			if n := storetest.Count(t, st, "leads"); n != tt.want {
				t.Errorf("%d leads written, want %d", n, tt.want)
			}
		})
	}
	// What a good file wrote, field by field.
	st := storetest.New(t)
	storetest.Owner(t, st, "张三")
	if _, err := Import(context.Background(), st, importer.Source{Name: "l.csv", Data: gbk(t, zhCSV)}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	ls, _, err := store.ListLeads(context.Background(), st.DB, store.LeadFilter{}, 0, 10)
	if err != nil || len(ls) != 3 {
		t.Fatalf("%v %v", ls, err)
	}
	first, second, third := ls[2], ls[1], ls[0]
	if first.Name != "展会名片" || first.Company != "华强电子" || first.ContactName != "王经理" || first.Phone != "138-0013-8000" ||
		first.Email != "wang@hq.cn" || first.Source != "展会" || first.OwnerName != "张三" || first.Status != store.LeadNew || first.Notes != "要报价" {
		t.Errorf("first %+v", first)
	}
	if second.OwnerName != "赵六" || second.Status != store.LeadWorking {
		t.Errorf("second %+v", second)
	}
	if third.Status != store.LeadInvalid || third.InvalidReason != "空号打不通" {
		t.Errorf("third %+v", third)
	}
}
