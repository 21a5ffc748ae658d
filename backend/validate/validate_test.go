package validate

import (
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

// wantErr checks that err is an *apperr.Error with the code and field, or nil when code is "".
func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("error = %v, want an apperr %s on %q", err, code, field)
	}
	if e.Code != code || e.Field != field {
		t.Fatalf("error = %s on %q (%s), want %s on %q", e.Code, e.Field, e.Message, code, field)
	}
	if e.Key.String() == "" || strings.Contains(e.Message+e.MessageEn, "{") {
		t.Errorf("error %+v lacks its catalog key or leaves a placeholder unfilled", e)
	}
	if e.Message == "" || e.MessageEn == "" {
		t.Errorf("error %+v lacks a Chinese or English message", e)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-03-15", "2024-03-15", true},
		{"2024/03/15", "2024-03-15", true},
		{"2024/3/5", "2024-03-05", true},
		{"2024-3-5", "2024-03-05", true},
		{" 2008-01-03 ", "2008-01-03", true},
		{"2024-02-29", "2024-02-29", true},
		{"2000-02-29", "2000-02-29", true},
		{"2025-02-29", "", false},
		{"1900-02-29", "", false},
		{"2025-02-30", "", false},
		{"2024-04-31", "", false},
		{"2024-13-01", "", false},
		{"2024-00-10", "", false},
		{"2024-01-00", "", false},
		{"1899-12-31", "", false},
		{"3000-01-01", "", false},
		{"20240315", "", false},
		{"15/03/2024", "", false},
		{"2024-03-15T10:00:00Z", "", false},
		{"abc", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required bool
		want     string
		code     string
	}{
		{"canonicalised", "2024/2/29", false, "2024-02-29", ""},
		{"optional empty", "  ", false, "", ""},
		{"required empty", "", true, "", apperr.CodeInvalid},
		{"impossible", "2025-02-30", false, "", apperr.CodeInvalid},
		{"garbage", "next week", true, "", apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Date("closeDate", msg.LabelExpectedClose, tt.in, tt.required)
			wantErr(t, err, tt.code, "closeDate")
			if got != tt.want {
				t.Errorf("Date(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required bool
		want     string
		code     string
	}{
		{"trimmed", "  大商股份  ", true, "大商股份", ""},
		{"optional empty", "", false, "", ""},
		{"required empty", "   ", true, "", apperr.CodeInvalid},
		{"max length in characters", strings.Repeat("字", 5), true, strings.Repeat("字", 5), ""},
		{"too long", strings.Repeat("字", 6), true, "", apperr.CodeInvalid},
		{"too long ascii", "abcdef", false, "", apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text("name", msg.LabelCustomerName, tt.in, tt.required, 5)
			wantErr(t, err, tt.code, "name")
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAmount(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required bool
		want     int64
		code     string
		msgHas   string
	}{
		{"grouped", "1,234.56", true, 123456, "", ""},
		{"yuan sign", "¥40,000", true, 4000000, "", ""},
		{"optional empty", "", false, 0, "", ""},
		{"required empty", "", true, 0, apperr.CodeInvalid, "不能为空"},
		{"negative", "-5", false, 0, apperr.CodeInvalid, "负数"},
		{"precision", "1.234", false, 0, apperr.CodeInvalid, "两位小数"},
		{"malformed grouping", "1,23.00", false, 0, apperr.CodeInvalid, "不是有效金额"},
		{"malformed", "abc", false, 0, apperr.CodeInvalid, "不是有效金额"},
		{"range", "99999999999999", false, 0, apperr.CodeInvalid, "超出范围"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Amount("amount", msg.LabelAmount, tt.in, tt.required)
			wantErr(t, err, tt.code, "amount")
			if got != tt.want {
				t.Errorf("Amount(%q) = %d, want %d", tt.in, got, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), tt.msgHas) {
				t.Errorf("Amount(%q) message %q, want it to mention %q", tt.in, err.Error(), tt.msgHas)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   int
		wantOK bool
		code   string
	}{
		{"whole", "60", 6000, true, ""},
		{"two decimals", "12.34", 1234, true, ""},
		{"zero", "0", 0, true, ""},
		{"hundred", "100", 10000, true, ""},
		{"empty", "", 0, false, ""},
		{"three decimals", "12.345", 0, false, apperr.CodeInvalid},
		{"over 100", "100.5", 0, false, apperr.CodeInvalid},
		{"negative", "-1", 0, false, apperr.CodeInvalid},
		{"malformed", "sixty", 0, false, apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := Percent("probability", msg.LabelProbability, tt.in)
			wantErr(t, err, tt.code, "probability")
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Percent(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestOneOf(t *testing.T) {
	allowed := []string{"新业务", "老客户续购"}
	tests := []struct {
		name string
		in   string
		want string
		code string
	}{
		{"allowed", "新业务", "新业务", ""},
		{"trimmed", " 老客户续购 ", "老客户续购", ""},
		{"empty", "", "", ""},
		{"unknown", "其他", "", apperr.CodeInvalid},
		{"case and spacing matter", "新 业务", "", apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := OneOf("type", msg.LabelType, tt.in, allowed)
			wantErr(t, err, tt.code, "type")
			if got != tt.want {
				t.Errorf("OneOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPage(t *testing.T) {
	tests := []struct {
		name                  string
		page, size            int
		wantOffset, wantLimit int
	}{
		{"defaults", 0, 0, 0, 50},
		{"first page", 1, 20, 0, 20},
		{"third page", 3, 20, 40, 20},
		{"negative page", -2, 10, 0, 10},
		{"size capped", 2, 1000, 500, 500},
		{"negative size", 2, -1, 50, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, lim := Page(tt.page, tt.size)
			if off != tt.wantOffset || lim != tt.wantLimit {
				t.Errorf("Page(%d, %d) = %d, %d; want %d, %d", tt.page, tt.size, off, lim, tt.wantOffset, tt.wantLimit)
			}
		})
	}
}

func TestPhone(t *testing.T) {
	const format, count = "格式不正确", "位数字"
	tests := []struct {
		in, want string
		problem  string // "" when valid, else a part of the Chinese message
	}{
		{"", "", ""},
		{"  ", "", ""},
		{"021-54656361", "021-54656361", ""},
		{" 13800138000 ", "13800138000", ""},
		{"+86 138 0013 8000", "+86 138 0013 8000", ""},
		{"(010) 6438-1234", "(010) 6438-1234", ""},
		{"（010）64381234", "（010）64381234", ""},
		{"＋８６ 10 64381234", "＋８６ 10 64381234", ""},
		{"+1 (555) 123-4567", "+1 (555) 123-4567", ""},
		{"400-800-8888", "400-800-8888", ""},
		{"95588", "95588", ""},
		{"010-64381234 转 123", "010-64381234 转 123", ""},
		{"010-64381234转123", "010-64381234转123", ""},
		{"010-64381234 分机 8", "010-64381234 分机 8", ""},
		{"010-64381234 ext. 123", "010-64381234 ext. 123", ""},
		{"010-64381234 EXT 123", "010-64381234 EXT 123", ""},
		{"010-64381234x123", "010-64381234x123", ""},
		{"010-64381234#123", "010-64381234#123", ""},
		{"abc", "", format},
		{"138-0013-800a", "", format},
		{"13800138000/13900139000", "", format},
		{"13800138000, 13900139000", "", format},
		{"86+13800138000", "", format},
		{"++8613800138000", "", format},
		{"010)6438 1234(", "", format},
		{"((010)) 64381234", "", format},
		{"(010 64381234", "", format},
		{"010-64381234 转", "", format},
		{"转 123456", "", format},
		{"010-64381234 转 12-3", "", format},
		{"010-64381234 x 12 x 3", "", format},
		{"(010 转 1) 64381234", "", format},
		{"1234", "", count},
		{"+86 (0)", "", count},
		{"123456789012345678901", "", count},
		{"010-64381234 转 1234567890", "", count},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Phone("phone", msg.LabelPhone, tt.in)
			if tt.problem == "" {
				wantErr(t, err, "", "")
				if got != tt.want {
					t.Errorf("Phone(%q) = %q, want %q", tt.in, got, tt.want)
				}
				return
			}
			wantErr(t, err, apperr.CodeInvalid, "phone")
			e, _ := apperr.As(err)
			s := strings.TrimSpace(tt.in)
			if !strings.Contains(e.Message, "电话「"+s+"」") || !strings.Contains(e.Message, tt.problem) ||
				!strings.Contains(e.MessageEn, `Phone "`+s+`"`) {
				t.Errorf("messages %q / %q: want the field, the number and %q", e.Message, e.MessageEn, tt.problem)
			}
		})
	}
}

// TestMessages pins the rendered words of each check in both languages, so
// the catalog is seen to say what the hand-written texts said.
func TestMessages(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		zh, en string
	}{
		{"required", second(Text("name", msg.LabelCustomerName, " ", true, 5)),
			"客户名称不能为空", "Customer name is required"},
		{"too long", second(Text("name", msg.LabelCustomerName, "abcdef", true, 5)),
			"客户名称太长（最多 5 个字）", "Customer name is too long (at most 5 characters)"},
		{"date", second(Date("expectedClose", msg.LabelExpectedClose, "2025-02-30", false)),
			"预计完成日期「2025-02-30」不是有效日期（格式 YYYY-MM-DD）", "Expected close date \"2025-02-30\" is not a valid date (YYYY-MM-DD)"},
		{"negative", second(Amount("amount", msg.LabelAmount, "-5", false)),
			"金额不能为负数：-5", "Amount must not be negative: -5"},
		{"percent range", third(Percent("probability", msg.LabelProbability, "101")),
			"可能性必须在 0 到 100 之间：101", "Probability must be between 0 and 100: 101"},
		{"one of", second(OneOf("type", msg.LabelType, "其他", []string{"新业务", "老客户续购"})),
			"类型「其他」不是可选值（新业务 / 老客户续购）", "Type \"其他\" is not one of 新业务 / 老客户续购"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := apperr.As(tt.err)
			if !ok {
				t.Fatalf("error = %v, want an apperr", tt.err)
			}
			if e.Message != tt.zh || e.MessageEn != tt.en {
				t.Errorf("messages = %q / %q, want %q / %q", e.Message, e.MessageEn, tt.zh, tt.en)
			}
			if e.Params["label"] == nil {
				t.Errorf("params %v lack the label", e.Params)
			}
		})
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }

func TestDateRange(t *testing.T) {
	tests := []struct {
		name, from, to, code string
	}{
		{"ordered", "2026-01-01", "2026-12-31", ""},
		{"one day", "2026-05-05", "2026-05-05", ""},
		{"open start", "", "2026-01-01", ""},
		{"open end", "2026-12-31", "", ""},
		{"reversed", "2026-12-31", "2026-01-01", apperr.CodeInvalid},
		{"reversed by a day", "2026-01-02", "2026-01-01", apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := DateRange("to", tt.from, tt.to)
			wantErr(t, err, tt.code, "to")
			if err != nil {
				if e, _ := apperr.As(err); e.Key != msg.EndBeforeStart {
					t.Errorf("key = %v, want %v", e.Key, msg.EndBeforeStart)
				}
			}
		})
	}
}
