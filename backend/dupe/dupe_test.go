package dupe

import "testing"

func TestName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"华强电子有限公司", "华强电子"},
		{"华强电子有限责任公司", "华强电子"},
		{"华强电子股份有限公司", "华强电子"},
		{"华强集团", "华强"},
		{"华强集团有限公司", "华强"},
		{"西门子(中国)有限公司", "西门子"},
		{"西门子（中国）有限公司", "西门子"},
		{"ＡＢＣ科技", "abc科技"},
		{"ABC 科技", "abc科技"},
		{"Abc　科技有限公司", "abc科技"},
		{" abc科技 ", "ABC科技"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if Name(tt.a) != Name(tt.b) {
				t.Fatalf("Name(%q)=%q, Name(%q)=%q: want equal", tt.a, Name(tt.a), tt.b, Name(tt.b))
			}
		})
	}
	differ := []struct{ a, b string }{
		{"华强电子", "华强电器"},
		{"华强科技", "华强"},
	}
	for _, tt := range differ {
		if Name(tt.a) == Name(tt.b) {
			t.Errorf("Name(%q) = Name(%q) = %q: want different", tt.a, tt.b, Name(tt.a))
		}
	}
	// A name that is only a suffix keeps it: 有限公司 alone is not "".
	if Name("有限公司") == "" {
		t.Error("Name(有限公司) is empty")
	}
}

func TestPhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13800138000", "13800138000"},
		{"+86 138 0013 8000", "13800138000"},
		{"+86-138-0013-8000", "13800138000"},
		{"0086 13800138000", "13800138000"},
		{"8613800138000", "13800138000"},
		{"138-0013-8000", "13800138000"},
		{"０１０－６５５２１２３４", "1065521234"},
		{"010-65521234", "1065521234"},
		{"+86 10 65521234", "1065521234"},
		{"(010) 6552 1234 分机 808", "1065521234"},
		{"010-65521234 ext 9", "1065521234"},
		{"123", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Phone(tt.in); got != tt.want {
				t.Fatalf("Phone(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Li@Example.COM", "li@example.com"},
		{"  li@example.com ", "li@example.com"},
		{"ｌｉ＠example.com", "li@example.com"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Email(tt.in); got != tt.want {
			t.Errorf("Email(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
