package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/owner"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// The three rows every format test carries, in Chinese with the headers in
// the order of the issue.
const zhCSV = "销售机会名称,客户名称,客户来源,负责人,金额,预计完成日期,销售阶段,可能性(%)\r\n" +
	"购买五十用户,大商股份(TEST),电话营销,张三,\"40,000\",2025/03/15,初期沟通,\r\n" +
	"购买,喜多多贸易,,李四,10000.5,2025-4-1,商务谈判,60\r\n" +
	"续约,大商股份(TEST),,张三,￥500,,谈成结束,30\r\n"

var zhWant = []imported{
	{Name: "购买五十用户", Customer: "大商股份(TEST)", Owner: "张三", Stage: "初期沟通", Close: "2025-03-15", Source: "电话营销", Cents: 4000000, BP: 1000},
	{Name: "购买", Customer: "喜多多贸易", Owner: "李四", Stage: "商务谈判", Close: "2025-04-01", Cents: 1000050, BP: 6000},
	{Name: "续约", Customer: "大商股份(TEST)", Owner: "张三", Stage: "谈成结束", Cents: 50000, BP: 10000},
}

// xlsxFile builds a workbook whose first sheet holds rows; a cell may be a
// string, a number, a time.Time or a styledCell.
func xlsxFile(t *testing.T, sheets ...[][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rows := range sheets {
		name := fmt.Sprintf("Sheet%d", i+1)
		if i > 0 {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if sc, ok := v.(styledCell); ok {
					style, err := f.NewStyle(&excelize.Style{NumFmt: sc.numFmt, CustomNumFmt: sc.custom})
					if err != nil {
						t.Fatal(err)
					}
					v = sc.value
					if err := f.SetCellStyle(name, cell, cell, style); err != nil {
						t.Fatal(err)
					}
					if sc.stored != "" {
						// A number as Excel stores it, float noise and all.
						if err := f.SetCellDefault(name, cell, sc.stored); err != nil {
							t.Fatal(err)
						}
						continue
					}
				}
				if v == nil {
					continue
				}
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type styledCell struct {
	value  any
	numFmt int
	custom *string
	stored string // the stored number, written as is
}

func custom(s string) *string { return &s }

func TestImportFormats(t *testing.T) {
	tsv := strings.NewReplacer("\"40,000\"", "40,000", ",", "\t").Replace(zhCSV)
	english := "stage,Amount,Owner,expected_close_date,Customer,name,probability,source\r\n" +
		"初期沟通,\"40,000\",张三,2025/03/15,大商股份(TEST),购买五十用户,,电话营销\r\n" +
		"商务谈判,10000.5,李四,2025-4-1,喜多多贸易,购买,60%,\r\n" +
		"谈成结束,¥500,张三,,大商股份(TEST),续约,30,\r\n"
	quoted := "\"销售机会名称\",\"客户名称\",\"客户来源\",\"负责人\",\"金额\",\"预计完成日期\",\"销售阶段\",\"可能性(%)\"\n" +
		"\"购买五十用户\",\"大商股份(TEST)\",\"电话营销\",\"张三\",\"40,000.00\",\"2025/3/15\",\"初期沟通\",\"\"\n" +
		"\"购买\",\"喜多多贸易\",\"\",\"李四\",\"10,000.50\",\"2025/04/01\",\"商务谈判\",\"60.00\"\n" +
		"\"续约\",\"大商股份(TEST)\",\"\",\"张三\",\"500\",\"\",\"谈成结束\",\"\"\n"
	date := time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC)
	xlsx := xlsxFile(t, [][]any{
		{"销售机会名称", "客户名称", "客户来源", "负责人", "金额（元）", "预计成交日期", "销售阶段", "可能性%"},
		{"购买五十用户", "大商股份(TEST)", "电话营销", "张三", styledCell{value: 40000, numFmt: 4}, styledCell{value: date, numFmt: 14}, "初期沟通", nil},
		{"购买", "喜多多贸易", nil, "李四", 10000.5, "2025-4-1", "商务谈判", styledCell{value: 0.6, numFmt: 9}},
		{"续约", "大商股份(TEST)", nil, "张三", 500, nil, "谈成结束", 30},
	})
	// Excel's own date cell: a serial under a Chinese long-date format,
	// which only the stored value can give back.
	xlsxCustomDate := xlsxFile(t, [][]any{
		{"name", "customer", "source", "owner", "amount", "expected close date", "stage", "probability"},
		{"购买五十用户", "大商股份(TEST)", "电话营销", "张三", "40,000", styledCell{value: 45731, custom: custom(`m"月"d"日"`)}, "初期沟通", ""},
		{"购买", "喜多多贸易", nil, "李四", styledCell{value: 10000.5, custom: custom(`"¥"#,##0.00`)}, styledCell{value: date.AddDate(0, 0, 17), numFmt: 22}, "商务谈判", 60},
		{"续约", "大商股份(TEST)", nil, "张三", 500, nil, "谈成结束", styledCell{value: 0.3, numFmt: 10}},
	})
	tests := []struct {
		name     string
		data     []byte
		format   string
		encoding string
	}{
		{"utf-8", []byte(zhCSV), "csv", "UTF-8"},
		{"utf-8 BOM", append([]byte("\xEF\xBB\xBF"), zhCSV...), "csv", "UTF-8 BOM"},
		{"gbk", encode(t, simplifiedchinese.GBK, zhCSV), "csv", "GB18030"},
		{"utf-16le tab-separated", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), tsv), "csv", "UTF-16LE"},
		{"english headers shuffled", []byte(english), "csv", "UTF-8"},
		{"every field quoted, LF line ends", []byte(quoted), "csv", "UTF-8"},
		{"xlsx with date and number cells", xlsx, "xlsx", ""},
		{"xlsx with custom formats", xlsxCustomDate, "xlsx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			res := mustImport(t, st, Source{Name: "f", Data: tt.data}, Options{})
			if res.Format != tt.format || res.Encoding != tt.encoding {
				t.Errorf("format %q encoding %q, want %q %q", res.Format, res.Encoding, tt.format, tt.encoding)
			}
			if res.Opportunities != 3 || res.CustomersCreated != 2 || res.OwnersCreated != 2 {
				t.Errorf("result %+v, want 3 opportunities, 2 new customers, 2 new owners", res)
			}
			if got := summarize(listOpps(t, st)); !reflect.DeepEqual(got, zhWant) {
				t.Errorf("imported\n%+v\nwant\n%+v", got, zhWant)
			}
			if c := countRows(t, st); c != (counts{opps: 3, customers: 2, owners: 2, history: 3}) {
				t.Errorf("counts %+v", c)
			}
			checkIntegrity(t, st)
		})
	}
}

func TestImportQuotedFields(t *testing.T) {
	st := openDB(t)
	text := "销售机会名称,客户名称,销售阶段,描述\r\n" +
		"\"Deal, \"\"big\"\" one\",\"ACME, Inc.\",初期沟通,\"first line\r\nsecond, with comma\"\r\n"
	mustImport(t, st, Source{Name: "q.csv", Data: []byte(text)}, Options{})
	os := listOpps(t, st)
	if len(os) != 1 {
		t.Fatalf("%d opportunities", len(os))
	}
	o := os[0]
	if o.Name != `Deal, "big" one` || o.CustomerName != "ACME, Inc." || o.Description != "first line\nsecond, with comma" {
		t.Errorf("got %q / %q / %q", o.Name, o.CustomerName, o.Description)
	}
}

func TestImportAmountsAndDates(t *testing.T) {
	tests := []struct {
		amount, date string
		cents        int64
		close        string
	}{
		{"1,234.56", "2025/03/15", 123456, "2025-03-15"},
		{"1,234,567", "2025/3/5", 123456700, "2025-03-05"},
		{"500", "2025-12-31", 50000, "2025-12-31"},
		{"¥500", "", 50000, ""},
		{"￥1,000.5", "2025/1/1 0:00", 100050, "2025-01-01"},
		{"0.5", "2024-02-29", 50, "2024-02-29"},
		{"40000.0000", "", 4000000, ""},
		{"RMB 1,000", "", 100000, ""},
		{"１２３.４５", "", 12345, ""},
		{"", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.amount+" "+tt.date, func(t *testing.T) {
			st := openDB(t)
			text := "名称,客户,阶段,金额,预计完成日期\n" + `x,c,初期沟通,"` + tt.amount + `",` + tt.date + "\n"
			mustImport(t, st, Source{Name: "a.csv", Data: []byte(text)}, Options{})
			o := listOpps(t, st)[0]
			if o.AmountCents != tt.cents || o.ExpectedClose != tt.close {
				t.Errorf("amount %d close %q, want %d %q", o.AmountCents, o.ExpectedClose, tt.cents, tt.close)
			}
		})
	}
}

func TestImportXLSXNumbersWithoutFloatNoise(t *testing.T) {
	st := openDB(t)
	data := xlsxFile(t,
		[][]any{}, // an empty first sheet: the first sheet with content is read
		[][]any{
			{"销售机会名称", "客户名称", "销售阶段", "金额", "可能性(%)"},
			{"a", "c", "初期沟通", styledCell{stored: "0.30000000000000004"}, 33.33},
			{"b", "c", "初期沟通", 1234.56 * 3, styledCell{value: 0.125, numFmt: 10}},
			// The text "1,234.56 元/年" is no amount: the stored value, rid of its noise, is.
			{"c", "c", "初期沟通", styledCell{stored: "1234.5600000000001", custom: custom(`#,##0.00 "元/年"`)}, nil},
			// Shown rounded, stored with 3 decimals: what is shown counts.
			{"d", "c", "初期沟通", styledCell{stored: "99.999", numFmt: 4}, styledCell{stored: "0.60000000000000009", numFmt: 9}},
		})
	mustImport(t, st, Source{Name: "n.xlsx", Data: data}, Options{})
	var got []string
	for _, o := range listOpps(t, st) {
		got = append(got, fmt.Sprintf("%s %d %d", o.Name, o.AmountCents, o.ProbabilityBP))
	}
	want := []string{"a 30 3333", "b 370368 1250", "c 123456 1000", "d 10000 6000"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestImportProbabilityRules(t *testing.T) {
	st := openDB(t)
	text := "名称,客户,阶段,可能性\n" +
		"default,c,需求分析,\n" + // 30% by the stage
		"given,c,需求分析,45.5\n" +
		"percent sign,c,需求分析,45%\n" +
		"trailing zeros,c,需求分析,45.500\n" +
		"won,c,谈成结束,20\n" + // won is always 100%
		"won empty,c,谈成结束,\n" +
		"lost,c,未成结束,80\n" + // lost is always 0%
		"lost empty,c,未成结束,\n"
	mustImport(t, st, Source{Name: "p.csv", Data: []byte(text)}, Options{})
	got := map[string]int{}
	for _, o := range listOpps(t, st) {
		got[o.Name] = o.ProbabilityBP
	}
	want := map[string]int{"default": 3000, "given": 4550, "percent sign": 4500, "trailing zeros": 4550, "won": 10000, "won empty": 10000, "lost": 0, "lost empty": 0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("probabilities %v, want %v", got, want)
	}
}

func TestImportCreatesCustomersAndOwnersOnceAndReusesExisting(t *testing.T) {
	st := openDB(t)
	ctx := context.Background()
	zhao, err := owner.EnsureByName(ctx, st.W, "赵六")
	if err != nil {
		t.Fatal(err)
	}
	cs := customer.NewService(st, svc.New(nil))
	first, err := cs.Create(customer.Input{Name: "老客户", OwnerID: zhao})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cs.Create(customer.Input{Name: "老客户", OwnerID: zhao, AllowDuplicate: true}); err != nil {
		t.Fatal(err)
	}
	text := "名称,客户,负责人,阶段,客户来源\n" +
		"1,新客户,张三,初期沟通,展会\n" +
		"2,新客户,李四,初期沟通,\n" +
		"3,老客户,赵六,初期沟通,\n" +
		"4,老客户,张三,初期沟通,\n" +
		"5,另一个新客户,张三,初期沟通,\n"
	res := mustImport(t, st, Source{Name: "c.csv", Data: []byte(text)}, Options{})
	if res.CustomersCreated != 2 || res.OwnersCreated != 2 || res.Opportunities != 5 {
		t.Errorf("result %+v, want 2 customers and 2 owners created, 5 opportunities", res)
	}
	if c := countRows(t, st); c != (counts{opps: 5, customers: 4, owners: 3, history: 5}) {
		t.Errorf("counts %+v", c)
	}
	opps := listOpps(t, st)
	if opps[2].CustomerID != first.ID || opps[3].CustomerID != first.ID {
		t.Errorf("existing customer: ids %d %d, want the first of the name, %d", opps[2].CustomerID, opps[3].CustomerID, first.ID)
	}
	if opps[0].CustomerID != opps[1].CustomerID {
		t.Errorf("a new customer named twice was created twice")
	}
	if opps[2].OwnerID != zhao {
		t.Errorf("existing owner not reused")
	}
	// A new customer belongs to the owner of its first row and takes its source.
	c, err := store.GetCustomer(ctx, st.DB, opps[0].CustomerID)
	if err != nil {
		t.Fatal(err)
	}
	if c.OwnerName != "张三" || c.Source != "展会" {
		t.Errorf("new customer owner %q source %q, want 张三 and 展会", c.OwnerName, c.Source)
	}
	checkIntegrity(t, st)
	// Each opportunity's history starts with its stage, from none.
	for _, o := range opps {
		h, err := store.ListStageChanges(ctx, st.DB, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 1 || h[0].FromStageID != nil || h[0].ToStageID != o.StageID {
			t.Errorf("history of %s: %+v", o.Name, h)
		}
		if o.CreatedAt == "" || o.UpdatedAt == "" {
			t.Errorf("%s: created_at/updated_at not set", o.Name)
		}
	}
}

func TestImportDefaultOwner(t *testing.T) {
	withOwnerColumn := "名称,客户,负责人,阶段\nx,c,,初期沟通\ny,d,张三,初期沟通\n"
	withoutOwnerColumn := "名称,客户,阶段\nx,c,初期沟通\n"
	tests := []struct {
		name     string
		existing []string // owners before; a leading "-" makes one inactive
		file     string
		opts     Options
		want     string // owner of row x, whose owner cell is empty
		created  int
	}{
		{"option names a new owner", []string{"Alice"}, withOwnerColumn, Options{DefaultOwner: "王五"}, "王五", 2},
		{"option names an existing owner", []string{"Alice", "王五"}, withOwnerColumn, Options{DefaultOwner: "王五"}, "王五", 1},
		{"first active owner by name", []string{"赵六", "-Aaron", "Alice"}, withOwnerColumn, Options{}, "Alice", 1},
		{"no owner column", []string{"赵六", "Bob"}, withoutOwnerColumn, Options{}, "Bob", 0},
		{"no owners at all: admin", nil, withoutOwnerColumn, Options{}, "admin", 1},
		// Owners the file creates are no default: the result would hang on the row order.
		{"no owners before the import: admin", nil, "名称,客户,负责人,阶段\ny,d,张三,初期沟通\nx,c,,初期沟通\n", Options{}, "admin", 2},
		{"only inactive owners: admin", []string{"-Zed"}, withoutOwnerColumn, Options{}, "admin", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			ctx := context.Background()
			for _, n := range tt.existing {
				id, err := owner.EnsureByName(ctx, st.W, strings.TrimPrefix(n, "-"))
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(n, "-") {
					if err := store.UpdateOwner(ctx, st.W, id, n[1:], false); err != nil {
						t.Fatal(err)
					}
				}
			}
			res := mustImport(t, st, Source{Name: "o.csv", Data: []byte(tt.file)}, tt.opts)
			for _, o := range listOpps(t, st) {
				if o.Name == "x" && o.OwnerName != tt.want {
					t.Errorf("owner of the row without one: %q, want %q", o.OwnerName, tt.want)
				}
			}
			if res.OwnersCreated != tt.created {
				t.Errorf("%d owners created, want %d", res.OwnersCreated, tt.created)
			}
		})
	}
}

func TestImportDefaultOwnerIDMustExist(t *testing.T) {
	st := openDB(t)
	_, err := Import(context.Background(), st, Source{Name: "o.csv", Data: []byte("名称,客户,阶段\nx,c,初期沟通\n")}, Options{DefaultOwnerID: 99})
	if !apperr.Is(err, apperr.CodeInvalid) {
		t.Fatalf("error %v, want invalid", err)
	}
	if c := countRows(t, st); c != (counts{}) {
		t.Errorf("database changed: %+v", c)
	}
}

// seeded returns a database that already holds an import, so that "nothing
// written" is checked against a non-empty database.
func seeded(t *testing.T) (*store.Store, counts) {
	t.Helper()
	st := openDB(t)
	mustImport(t, st, Source{Name: "seed.csv", Data: []byte(zhCSV)}, Options{})
	return st, countRows(t, st)
}

const badHeader = "销售机会名称,客户名称,负责人,金额,预计完成日期,销售阶段,可能性(%),类型\n"
const goodRow = "好的,新客户甲,新人,100,2025-01-01,初期沟通,,新业务\n"

func TestImportBadRowsWriteNothing(t *testing.T) {
	tests := []struct {
		name   string
		row    string
		column string
		value  string
		msg    string
	}{
		{"negative amount", "x,c,o,-100,,初期沟通,,", "金额", "-100", "金额不能为负数"},
		{"malformed amount", "x,c,o,12abc,,初期沟通,,", "金额", "12abc", "金额不是有效的数字"},
		{"misplaced thousands separator", "x,c,o,\"1,23,456\",,初期沟通,,", "金额", "1,23,456", "金额不是有效的数字"},
		{"amount with 3 decimals", "x,c,o,1.234,,初期沟通,,", "金额", "1.234", "金额最多两位小数"},
		{"amount with a third decimal after zeros", "x,c,o,1.2301,,初期沟通,,", "金额", "1.2301", "金额最多两位小数"},
		{"impossible date", "x,c,o,1,2025-02-30,初期沟通,,", "预计完成日期", "2025-02-30", "预计完成日期无效"},
		{"date in another order", "x,c,o,1,15/13/2025,初期沟通,,", "预计完成日期", "15/13/2025", "预计完成日期无效"},
		{"probability 101", "x,c,o,1,,初期沟通,101,", "可能性(%)", "101", "0 到 100"},
		{"probability 12.345", "x,c,o,1,,初期沟通,12.345,", "可能性(%)", "12.345", "最多两位小数"},
		{"probability negative", "x,c,o,1,,初期沟通,-5,", "可能性(%)", "-5", "0 到 100"},
		{"probability not a number", "x,c,o,1,,初期沟通,high,", "可能性(%)", "high", "不是有效的百分数"},
		{"bad probability on the won stage", "x,c,o,1,,谈成结束,200,", "可能性(%)", "200", "0 到 100"},
		{"missing name", " ,c,o,1,,初期沟通,,", "销售机会名称", "", "销售机会名称不能为空"},
		{"missing customer", "x,,o,1,,初期沟通,,", "客户名称", "", "客户名称不能为空"},
		{"missing stage", "x,c,o,1,,,,", "销售阶段", "", "销售阶段不能为空"},
		{"name too long", strings.Repeat("长", 101) + ",c,o,1,,初期沟通,,", "销售机会名称", strings.Repeat("长", 101), "太长"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, before := seeded(t)
			text := badHeader + goodRow + tt.row + "\n" + goodRow
			_, err := Import(context.Background(), st, Source{Name: "bad.csv", Data: []byte(text)}, Options{})
			var re *RowErrors
			if !errors.As(err, &re) {
				t.Fatalf("error %v, want *RowErrors", err)
			}
			if len(re.Errors) != 1 {
				t.Fatalf("errors %+v, want exactly one", re.Errors)
			}
			e := re.Errors[0]
			if e.Row != 3 || e.Column != tt.column || e.Value != tt.value || !strings.Contains(e.Message, tt.msg) || e.MessageEn == "" {
				t.Errorf("got %+v, want row 3, column %q, value %q, message with %q and an English one", e, tt.column, tt.value, tt.msg)
			}
			if after := countRows(t, st); after != before {
				t.Errorf("database changed: %+v, before %+v", after, before)
			}
		})
	}
}

// TestImportLateBadRowWritesNothing puts the bad row after thousands of
// good ones, which the writer has begun inserting by the time it is found.
func TestImportLateBadRowWritesNothing(t *testing.T) {
	st, before := seeded(t)
	var b strings.Builder
	b.WriteString(badHeader)
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&b, "o%d,新客户%d,新人%d,100,2025-01-01,初期沟通,,\n", i, i, i%7)
	}
	b.WriteString("x,c,o,1,,初期沟通,abc,\n")
	_, err := Import(context.Background(), st, Source{Name: "late.csv", Data: []byte(b.String())}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) || len(re.Errors) != 1 || re.Errors[0].Row != 6002 {
		t.Fatalf("error %v, want one on row 6002", err)
	}
	if after := countRows(t, st); after != before {
		t.Errorf("database changed: %+v, before %+v", after, before)
	}
	checkIntegrity(t, st)
	// The database takes the next import as usual.
	mustImport(t, st, Source{Name: "ok.csv", Data: []byte(badHeader + goodRow)}, Options{})
	if after := countRows(t, st); after.opps != before.opps+1 {
		t.Errorf("opportunities %d after a good import, want %d", after.opps, before.opps+1)
	}
}

func TestImportRetiredStageIsRefused(t *testing.T) {
	st, before := seeded(t)
	s, err := store.StageByName(context.Background(), st.DB, "立项评估")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stage.NewService(st, svc.New(nil)).SetRetired(s.ID, true); err != nil {
		t.Fatal(err)
	}
	_, err = Import(context.Background(), st, Source{Name: "r.csv", Data: []byte(badHeader + "x,c,o,1,,立项评估,,\n")}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) || len(re.Errors) != 1 || !strings.Contains(re.Errors[0].Message, "已停用") {
		t.Fatalf("error %v, want one retired-stage error", err)
	}
	if after := countRows(t, st); after != before {
		t.Errorf("database changed")
	}
}

func TestImportReportsEveryBadRow(t *testing.T) {
	st, before := seeded(t)
	var b strings.Builder
	b.WriteString(badHeader)
	for i := 0; i < 120; i++ {
		if i%2 == 0 {
			b.WriteString(goodRow)
		} else {
			b.WriteString("x,c,o,-1,2025-13-01,初期沟通,,\n") // two problems
		}
	}
	_, err := Import(context.Background(), st, Source{Name: "many.csv", Data: []byte(b.String())}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want *RowErrors", err)
	}
	if len(re.Errors) != 120 || re.Rows() != 60 {
		t.Fatalf("%d errors in %d rows, want 120 in 60", len(re.Errors), re.Rows())
	}
	for i, e := range re.Errors {
		wantRow := 3 + 2*(i/2)
		if e.Row != wantRow {
			t.Fatalf("error %d on row %d, want %d", i, e.Row, wantRow)
		}
	}
	if msg := apperr.Format(err).(*apperr.Error).Message; !strings.Contains(msg, "60 行有 120 处错误") {
		t.Errorf("summary %q", msg)
	}
	if after := countRows(t, st); after != before {
		t.Errorf("database changed")
	}
}

func TestImportMissingRequiredColumn(t *testing.T) {
	st, before := seeded(t)
	text := "销售机会名称,客户名称,金额\nx,c,1\ny,d,2\n"
	_, err := Import(context.Background(), st, Source{Name: "m.csv", Data: []byte(text)}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want *RowErrors", err)
	}
	if len(re.Errors) != 1 || re.Errors[0].Row != 1 || re.Errors[0].Column != "销售阶段" || !strings.Contains(re.Errors[0].Message, "缺少必填列") {
		t.Errorf("errors %+v, want one: row 1, 销售阶段, 缺少必填列", re.Errors)
	}
	if after := countRows(t, st); after != before {
		t.Errorf("database changed")
	}
}

func TestImportXLSXRowNumbersCountEmptyRows(t *testing.T) {
	st := openDB(t)
	data := xlsxFile(t, [][]any{
		{"销售机会名称", "客户名称", "销售阶段", "预计完成日期"},
		{"a", "c", "初期沟通", "2025-01-01"},
		{},                               // row 3 left empty
		{"b", "c", "初期沟通", "2025-02-30"}, // row 4
	})
	_, err := Import(context.Background(), st, Source{Name: "x.xlsx", Data: data}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) || len(re.Errors) != 1 || re.Errors[0].Row != 4 || re.Errors[0].Column != "预计完成日期" {
		t.Fatalf("error %v, want one on row 4, 预计完成日期", err)
	}
}

func TestImportRefusesEmptyData(t *testing.T) {
	st := openDB(t)
	_, err := Import(context.Background(), st, Source{Name: "h.csv", Data: []byte("名称,客户,阶段\r\n\r\n")}, Options{})
	if !apperr.Is(err, apperr.CodeInvalid) {
		t.Fatalf("error %v, want invalid", err)
	}
}

// TestExportImportRoundTrip exports opportunities with every field the
// export writes and imports the file into an empty database.
func TestExportImportRoundTrip(t *testing.T) {
	src := openDB(t)
	ctx := context.Background()
	ownerID, err := owner.EnsureByName(ctx, src.W, "张三")
	if err != nil {
		t.Fatal(err)
	}
	cust, err := customer.NewService(src, svc.New(nil)).Create(customer.Input{Name: "大商股份, \"TEST\"", OwnerID: ownerID})
	if err != nil {
		t.Fatal(err)
	}
	stageID := func(name string) int64 {
		s, err := store.StageByName(ctx, src.DB, name)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	ops := opportunity.NewService(src, svc.New(nil))
	inputs := []opportunity.Input{
		{Name: "购买五十用户", Type: "新业务", Source: "电话营销", Campaign: "春季展会", Amount: "1,234,567.89",
			ExpectedClose: "2025-03-15", NextStep: "发报价\n再跟进", StageID: stageID("方案制定"), Probability: "42.5",
			Description: "多行\n描述, 含逗号"},
		{Name: "续购", Type: "老客户续购", Amount: "0", StageID: stageID("谈成结束")},
		{Name: "丢了", Amount: "500", StageID: stageID("未成结束"), LostReason: "价格", Competitor: "某公司"},
	}
	for _, in := range inputs {
		in.CustomerID, in.OwnerID = cust.ID, ownerID
		if _, err := ops.Create(in); err != nil {
			t.Fatal(err)
		}
	}
	env := svc.New(nil)
	env.SetPicker(svc.DirPicker(t.TempDir()))
	ops = opportunity.NewService(src, env)
	strip := func(list []store.Opportunity) []store.Opportunity {
		for i := range list {
			o := &list[i]
			o.ID, o.CustomerID, o.OwnerID, o.StageID, o.CreatedAt, o.UpdatedAt = 0, 0, 0, 0, "", ""
		}
		return list
	}
	want := strip(listOpps(t, src))
	// The XLSX too: its amounts are numbers shown as ¥, its dates real dates.
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			path, err := ops.Export(opportunity.Filter{Sort: "createdAt"}, format)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dst := openDB(t)
			res := mustImport(t, dst, Source{Name: filepath.Base(path), Data: data}, Options{})
			if len(res.Ignored) != 0 {
				t.Errorf("export columns ignored on import: %q", res.Ignored)
			}
			if got := strip(listOpps(t, dst)); !reflect.DeepEqual(got, want) {
				t.Errorf("round trip\n got %+v\nwant %+v", got, want)
			}
		})
	}
}
