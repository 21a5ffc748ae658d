package importer

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"funneldesk/backend/apperr"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestParseDetectsEncodingAndDelimiter(t *testing.T) {
	csvText := "销售机会名称,客户名称,金额\r\n购买五十用户,大商股份（TEST）,\"40,000\"\r\n"
	tsvText := strings.ReplaceAll(strings.ReplaceAll(csvText, ",", "\t"), "\"40\t000\"", "40000")
	tests := []struct {
		name      string
		data      []byte
		encoding  string
		delimiter string
		amount    string
	}{
		{"utf-8", []byte(csvText), "UTF-8", ",", "40,000"},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), csvText...), "UTF-8 BOM", ",", "40,000"},
		{"gbk (Excel's CSV on Chinese Windows)", encode(t, simplifiedchinese.GBK, csvText), "GB18030", ",", "40,000"},
		{"gb18030 beyond gbk", encode(t, simplifiedchinese.GB18030, strings.Replace(csvText, "大商", "䶮大商", 1)), "GB18030", ",", "40,000"},
		{"utf-16le with BOM, tab-separated (Excel's Unicode text)", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), tsvText), "UTF-16LE", "\t", "40000"},
		{"utf-16be with BOM", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), tsvText), "UTF-16BE", "\t", "40000"},
		{"utf-16le without BOM", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), tsvText), "UTF-16LE", "\t", "40000"},
		{"semicolon", []byte(strings.ReplaceAll(csvText, ",", ";")), "UTF-8", ";", "40;000"},
		{"lone CR line ends (old Mac CSV)", []byte(strings.ReplaceAll(csvText, "\r\n", "\r")), "UTF-8", ",", "40,000"},
		{"sep= line", []byte("sep=;\n" + strings.ReplaceAll(strings.ReplaceAll(csvText, ",", ";"), "40;000", "40000")), "UTF-8", ";", "40000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := Parse(Source{Name: "x.csv", Data: tt.data})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Format != "csv" || tb.Encoding != tt.encoding || tb.Delimiter != tt.delimiter {
				t.Errorf("format %q encoding %q delimiter %q, want csv %q %q", tb.Format, tb.Encoding, tb.Delimiter, tt.encoding, tt.delimiter)
			}
			if want := []string{"销售机会名称", "客户名称", "金额"}; !reflect.DeepEqual(tb.Headers, want) {
				t.Errorf("headers %q, want %q", tb.Headers, want)
			}
			if len(tb.Rows) != 1 {
				t.Fatalf("%d rows, want 1", len(tb.Rows))
			}
			r := tb.Rows[0]
			if r.Num != 2 || !strings.HasSuffix(r.cell(1), "大商股份（TEST）") || r.cell(2) != tt.amount {
				t.Errorf("row %d %q, want row 2 with 大商股份（TEST） and %q", r.Num, r.Cells, tt.amount)
			}
		})
	}
}

func TestParseQuotedFieldsAndRowNumbers(t *testing.T) {
	text := "\r\n" + // a blank first line: the header is row 2
		"销售机会名称,客户名称,描述\r\n" +
		"\"Deal, \"\"big\"\" one\",\"ACME, Inc.\",\"line 1\r\nline 2\"\r\n" + // row 3, two lines
		"\r\n" + // row 4: blank
		",,\r\n" + // row 5: only delimiters
		"short row\r\n" + // row 6: ragged
		"a,b,c,extra\r\n" // row 7: more cells than headers
	tb, err := Parse(Source{Name: "q.csv", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if tb.HeaderRow != 2 {
		t.Errorf("header row %d, want 2", tb.HeaderRow)
	}
	var nums []int
	for _, r := range tb.Rows {
		nums = append(nums, r.Num)
	}
	if want := []int{3, 6, 7}; !reflect.DeepEqual(nums, want) {
		t.Fatalf("row numbers %v, want %v", nums, want)
	}
	r := tb.Rows[0]
	if want := []string{`Deal, "big" one`, "ACME, Inc.", "line 1\nline 2"}; !reflect.DeepEqual(r.Cells, want) {
		t.Errorf("cells %q, want %q", r.Cells, want)
	}
	if got := tb.Rows[1]; got.cell(0) != "short row" || got.cell(1) != "" || got.cell(2) != "" {
		t.Errorf("ragged row %q: missing cells should read empty", got.Cells)
	}
}

func TestParseRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "文件是空的"},
		{"only blank lines", "\r\n,,\r\n", "文件是空的"},
		{"bare quote", "名称,客户\r\nok,fine\r\nbad \"quote,x\r\n", "第 3 行"},
		{"unclosed quote", "名称,客户\r\n\"open,x\r\n", "第 2 行"},
		{"old excel", "\xD0\xCF\x11\xE0rest", ".xls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(Source{Name: "f", Data: []byte(tt.data)})
			e, ok := apperr.As(err)
			if !ok || !strings.Contains(e.Message, tt.want) {
				t.Fatalf("error %v, want an apperr mentioning %q", err, tt.want)
			}
		})
	}
}

func TestHeaderMapping(t *testing.T) {
	tests := []struct {
		header, want string
	}{
		{"销售机会名称", FieldName},
		{" 机会名称 ", FieldName},
		{"商机名称", FieldName},
		{"Opportunity Name", FieldName},
		{"*客户名称", FieldCustomer},
		{"CUSTOMER", FieldCustomer},
		{"customer name", FieldCustomer},
		{"客户来源", FieldSource},
		{"source", FieldSource},
		{"负责人", FieldOwner},
		{"Owner", FieldOwner},
		{"金额", FieldAmount},
		{"金额(元)", FieldAmount},
		{"金额（元）", FieldAmount},
		{"金额(¥)", FieldAmount},
		{"金额(￥)", FieldAmount},
		{"金额（万元）", ""}, // a unit that scales the value is not dropped
		{"amount", FieldAmount},
		{"预计完成日期", FieldExpectedClose},
		{"预计成交日期", FieldExpectedClose},
		{"expected_close_date", FieldExpectedClose},
		{"Expected Close Date", FieldExpectedClose},
		{"close date", FieldExpectedClose},
		{"销售阶段", FieldStage},
		{"阶段", FieldStage},
		{"Stage", FieldStage},
		{"可能性(%)", FieldProbability},
		{"可能性（％）", FieldProbability},
		{"可能性%", FieldProbability},
		{"可能性", FieldProbability},
		{"概率", FieldProbability},
		{"probability", FieldProbability},
		{"类型", FieldType},
		{"type", FieldType},
		{"营销活动", FieldCampaign},
		{"next_step", FieldNextStep},
		{"下一步", FieldNextStep},
		{"描述", FieldDescription},
		{"丢单原因", FieldLostReason},
		{"lost_reason", FieldLostReason},
		{"竞争对手", FieldCompetitor},
		{"competitor", FieldCompetitor},
		// Other CRMs' exports.
		{"Deal Owner", FieldOwner},
		{"Account Name", FieldCustomer},
		{"Closing Date", FieldExpectedClose},
		{"Probability (%)", FieldProbability},
		{"Lead Source", FieldSource},
		{"商机金额(元)", FieldAmount},
		{"结单日期", FieldExpectedClose},
		{"赢率", FieldProbability},
		{"商机来源", FieldSource},
		{"联系人", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := matchHeader(tt.header, -1); got != tt.want {
				t.Errorf("matchHeader(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

func TestAutoMappingGivesAFieldToOneColumn(t *testing.T) {
	got := AutoMapping([]string{"金额", "客户名称", "金额(元)", "备注"})
	want := []string{FieldAmount, FieldCustomer, "", FieldDescription}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AutoMapping = %q, want %q", got, want)
	}
}

func TestValueParsers(t *testing.T) {
	dates := []struct {
		in, want string
		ok       bool
	}{
		{"2025-03-15", "2025-03-15", true},
		{"2025/3/5", "2025-03-05", true},
		{"2025/03/15 00:00:00", "2025-03-15", true},
		{"2025-03-15T09:30:00", "2025-03-15", true},
		{"2025年3月15日", "2025-03-15", true},
		{"2025-02-30", "", false},
		{"2025-13-01", "", false},
		{"15/03/2025", "", false},
		{"next week", "", false},
		{"2025-03-15 soon", "", false},
	}
	for _, tt := range dates {
		got, ok := parseDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	stored := []struct{ in, want string }{
		{"1234.5600000000001", "1234.56"},
		{"0.30000000000000004", "0.3"},
		{"40000", "40000"},
		{"12.345", "12.345"},
		{"-100", "-100"},
		{"abc", ""},
	}
	for _, tt := range stored {
		if got := storedNumber(tt.in); got != tt.want {
			t.Errorf("storedNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	serials := []struct {
		in       string
		date1904 bool
		want     string
	}{
		{"45731", false, "2025-03-15"},
		{"45731.75", false, "2025-03-15"},
		{"44269", true, "2025-03-15"},
		{"x", false, ""},
	}
	for _, tt := range serials {
		if got, _ := serialDate(tt.in, tt.date1904); got != tt.want {
			t.Errorf("serialDate(%q, %v) = %q, want %q", tt.in, tt.date1904, got, tt.want)
		}
	}
}

func TestParseFindsTheHeaderBelowATitle(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		headerRow int
	}{
		{"tab-separated with a title line", []byte("销售机会导出 2025-03-01\r\n\r\n名称\t客户名称\t销售阶段\r\nx\tc\t初期沟通\r\n"), 3},
		{"csv with instructions", []byte("说明：带 * 的列必填,,\r\n*销售机会名称,*客户名称,*销售阶段\r\nx,c,初期沟通\r\n"), 2},
		{"xlsx with a title row", xlsxFile(t, [][]any{{"商机列表"}, {"商机名称", "客户", "阶段"}, {"x", "c", "初期沟通"}}), 2},
		{"xlsx with an instructions sheet first", xlsxFile(t, [][]any{{"填写说明"}, {"1. 每行一条销售机会"}, {"2. 阶段须与系统一致"}},
			[][]any{{"商机名称", "客户", "阶段"}, {"x", "c", "初期沟通"}}), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := Parse(Source{Data: tt.data})
			if err != nil {
				t.Fatal(err)
			}
			if tb.HeaderRow != tt.headerRow || len(tb.Headers) != 3 || len(tb.Rows) != 1 || tb.Rows[0].cell(2) != "初期沟通" {
				t.Fatalf("header row %d %q, rows %+v", tb.HeaderRow, tb.Headers, tb.Rows)
			}
			if m := AutoMapping(tb.Headers); m[0] != FieldName || m[1] != FieldCustomer || m[2] != FieldStage {
				t.Errorf("mapping %q", m)
			}
		})
	}
}
