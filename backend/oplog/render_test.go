package oplog

import (
	"reflect"
	"testing"

	"funneldesk/backend/msg"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, kind, old, new string
		lang                 msg.Lang
		want                 []Change
	}{
		{"opportunity edit: money, percent, names not ids", "opportunity",
			`{"amountCents":400000000,"probabilityBp":1000,"stageId":1,"stageName":"初期沟通"}`,
			`{"amountCents":400000001,"probabilityBp":6000,"stageId":2,"stageName":"需求分析"}`, msg.Zh,
			[]Change{{"销售阶段", "初期沟通", "需求分析"}, {"金额", "¥4,000,000.00", "¥4,000,000.01"}, {"可能性", "10%", "60%"}}},
		{"english labels", "opportunity", `{"amountCents":100}`, `{"amountCents":250}`, msg.En,
			[]Change{{"Amount", "¥1.00", "¥2.50"}}},
		{"create hides ids, pinyin and timestamps", "customer", "",
			`{"id":3,"name":"华夏","namePy":"huaxia","ownerId":1,"ownerName":"张三","createdAt":"2026-03-01T10:00:00+08:00","phone":""}`, msg.Zh,
			[]Change{{"客户名称", "", "华夏"}, {"负责人", "", "张三"}}},
		{"booleans and dates", "stage", `{"retired":false}`, `{"retired":true}`, msg.Zh,
			[]Change{{"已停用", "否", "是"}}},
		{"stage probability is the default one", "stage", `{"probabilityBp":2500}`, `{"probabilityBp":3000}`, msg.En,
			[]Change{{"Default probability", "25%", "30%"}}},
		{"dated time keeps its date", "opportunity", `{"expectedClose":"2026-04-01"}`, `{"expectedClose":"2026-05-01T00:00:00Z"}`, msg.Zh,
			[]Change{{"预计完成日期", "2026-04-01", "2026-05-01"}}},
		{"price list prices by product", "pricelist", `{"P1 软件":50000}`, `{"P1 软件":45000,"P2 硬件":null}`, msg.Zh,
			[]Change{{"P1 软件", "¥500.00", "¥450.00"}}},
		{"stage order", "stage", `{"order":["A","B"]}`, `{"order":["B","A"]}`, msg.Zh,
			[]Change{{"阶段顺序", "A → B", "B → A"}}},
		{"payment plan", "order", `{"plan":[]}`, `{"plan":[{"seq":1,"dueDate":"2026-04-01","amountCents":40000,"ownerName":"张三"}]}`, msg.Zh,
			[]Change{{"回款计划", "", "1. 2026-04-01 ¥400.00 张三"}}},
		{"order-wins mode in words", "settings", `{"orderWins":"ask"}`, `{"orderWins":"always"}`, msg.Zh,
			[]Change{{"成单时的销售机会", "询问", "自动标为赢单"}}},
		{"unknown field under its own name", "customer", `{"shoeSize":1}`, `{"shoeSize":2}`, msg.Zh,
			[]Change{{"shoeSize", "1", "2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Render(tt.lang, tt.kind, tt.old, tt.new)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
