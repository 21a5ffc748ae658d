package apperr

import (
	"encoding/json"
	"errors"
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
