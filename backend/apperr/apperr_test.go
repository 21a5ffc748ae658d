package apperr

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"funneldesk/backend/msg"
)

// TestJSON: the frontend receives code, field, key, params and both
// rendered messages; a wrapped error keeps its code and field.
func TestJSON(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"with parameters", Conflict("name", msg.OwnerDuplicate, msg.P{"name": "张三"}),
			`{"code":"conflict","field":"name","key":"owner.duplicate","params":{"name":"张三"},"message":"已有同名负责人「张三」","messageEn":"A salesperson named \"张三\" already exists"}`},
		{"label parameter", Invalid("title", msg.Required, msg.P{"label": msg.LabelTitle}),
			`{"code":"invalid","field":"title","key":"validate.required","params":{"label":"common.title"},"message":"主题不能为空","messageEn":"Title is required"}`},
		{"wrapped", Invalid("quantity", msg.QtyRequired).Wrap(msg.LineError, msg.P{"line": 2}),
			`{"code":"invalid","field":"quantity","key":"line.error","params":{"line":2,"message":{"key":"line.qtyRequired"}},"message":"第 2 行：数量不能为空","messageEn":"Line 2: Quantity is required"}`},
		{"internal", errors.New("disk full"),
			`{"code":"internal","key":"internal","params":{"error":"disk full"},"message":"内部错误：disk full","messageEn":"Internal error: disk full"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FormatJSON(tt.err)
			if got != tt.want {
				t.Errorf("FormatJSON =\n%s\nwant\n%s", got, tt.want)
			}
			if !json.Valid([]byte(got.(string))) {
				t.Errorf("not JSON: %s", got)
			}
		})
	}
}

// TestList: one request's field errors travel together; the first stays
// the error's own code, field and text, and a failing query wins.
func TestList(t *testing.T) {
	name := Invalid("name", msg.Required, msg.P{"label": msg.LabelTitle})
	code := Conflict("code", msg.OwnerDuplicate, msg.P{"name": "张三"})
	disk := errors.New("disk full")
	tests := []struct {
		name   string
		add    []error
		want   string // FormatJSON of Err, or "" for nil
		fields []string
	}{
		{"nothing", []error{nil, nil}, "", nil},
		{"one stays as it is", []error{nil, name}, `{"code":"invalid","field":"name","key":"validate.required","params":{"label":"common.title"},"message":"主题不能为空","messageEn":"Title is required"}`, []string{"name"}},
		{"two", []error{name, nil, code},
			`{"code":"invalid","field":"name","key":"validate.required","params":{"label":"common.title"},"message":"主题不能为空","messageEn":"Title is required","fields":[` +
				`{"code":"invalid","field":"name","key":"validate.required","params":{"label":"common.title"},"message":"主题不能为空","messageEn":"Title is required"},` +
				`{"code":"conflict","field":"code","key":"owner.duplicate","params":{"name":"张三"},"message":"已有同名负责人「张三」","messageEn":"A salesperson named \"张三\" already exists"}]}`,
			[]string{"name", "code"}},
		{"query error wins", []error{name, disk}, `{"code":"internal","key":"internal","params":{"error":"disk full"},"message":"内部错误：disk full","messageEn":"Internal error: disk full"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			for _, e := range tt.add {
				l.Add(e)
			}
			err := l.Err()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Err = %v, want nil", err)
				}
				return
			}
			if got := FormatJSON(err); got != tt.want {
				t.Errorf("FormatJSON =\n%s\nwant\n%s", got, tt.want)
			}
			if e, ok := As(err); ok && tt.fields != nil {
				var got []string
				for _, f := range e.All() {
					got = append(got, f.Field)
				}
				if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
					t.Errorf("fields = %v, want %v", got, tt.fields)
				}
				// Adding the combined error to another list keeps each.
				var l2 List
				l2.Add(err)
				if e2, _ := As(l2.Err()); len(e2.All()) != len(tt.fields) {
					t.Errorf("re-added: %d fields, want %d", len(e2.All()), len(tt.fields))
				}
			}
		})
	}
}
