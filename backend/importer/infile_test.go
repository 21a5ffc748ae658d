package importer

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"funneldesk/backend/svc"
)

// rowsOf counts the data rows of a CSV text (one header line).
func rowsOf(data string) int { return strings.Count(strings.TrimRight(data, "\n"), "\n") }

// mainCount is the count of the file's kind in a result.
func mainCount(t *testing.T, res Result, kind string) KindCount {
	t.Helper()
	for _, c := range res.Counts {
		if c.Kind == kind {
			return c
		}
	}
	t.Fatalf("no %s count in %+v", kind, res.Counts)
	return KindCount{}
}

// Every row of a file is accounted for: new + updated + skipped + merged
// is the number of rows of the file's kind, whatever the on-duplicate
// choice, for a file imported into an empty database and imported again.
func TestInFileRowsAddUp(t *testing.T) {
	tests := []struct {
		name, kind, data string
		// merged is the first import's merged count (choice update).
		merged int
	}{
		{"customers with several contact rows", KindCustomers,
			"客户名称,行业,联系人,手机\n华强电子,电子,李四,13800138000\n华强电子有限公司,,王五,13900139000\n远景科技,软件,赵六,\n华强电子,半导体,李四,13800138000\n",
			2},
		{"contacts: same person by phone, email or name; two people of one name", KindContacts,
			"客户名称,联系人,职务,手机,邮箱\n泰联贸易,陈秀,,14100521721,u343@corp.com\n泰联贸易,陈秀,经理,16041485212,u157115@example.com\n" +
				"泰联贸易,陈秀,总监,,u343@corp.com\n泰联贸易,陈小秀,,141 0052 1721,\n泰联贸易,王五,,13900000000,\n泰联贸易,王五,,,w5@x.com\n",
			3},
		{"products by code", KindProducts,
			"产品编号,产品名称,单价\nP-1,网关,100\np-1,网关,120\nP-2,传感器,5\nP-1,网关二代,\n",
			2},
		{"leads by phone, email, name", KindLeads,
			"线索名称,公司,电话,邮箱\n展会名片,甲公司,13700137000,\n官网咨询,乙公司,,b@y.com\n展会名片,丙公司,,\n展会名片二,甲公司,137 0013 7000,\n" +
				"官网咨询,乙公司,,B@Y.com\n展会名片,丙公司,,\n",
			3},
		{"opportunities by external id and by name + customer + close", KindOpportunities,
			"Opportunity ID,Name,Customer,Stage,Amount,Expected Close\nX1,a,C1,初期沟通,100,2026-05-01\n,b,C1,初期沟通,200,2026-06-01\n" +
				"X1,a2,C1,商务谈判,150,2026-05-01\n,b,C1,商务谈判,200,2026-06-01\n,b,C1,初期沟通,200,2026-07-01\n",
			2},
	}
	for _, tt := range tests {
		for _, dup := range []string{DupUpdate, DupSkip} {
			if tt.kind == KindProducts && dup == DupCreate {
				continue
			}
			t.Run(tt.name+"/"+dup, func(t *testing.T) {
				st := openDB(t)
				rows := rowsOf(tt.data)
				for i, name := range []string{"1.csv", "2.csv"} {
					res, err := ImportKind(context.Background(), st, tt.kind, Source{Name: name, Data: []byte(tt.data)}, Options{OnDuplicate: dup})
					if err != nil {
						t.Fatal(err)
					}
					c := mainCount(t, res, tt.kind)
					if sum := c.New + c.Updated + c.Unchanged + c.Skipped + c.Merged; sum != rows {
						t.Errorf("import %d: %+v adds up to %d, want %d rows", i+1, c, sum, rows)
					}
					if i == 0 && dup == DupUpdate && c.Merged != tt.merged {
						t.Errorf("import %d: %d merged, want %d", i+1, c.Merged, tt.merged)
					}
					if i == 0 && c.New+c.Merged != rows {
						t.Errorf("import %d into an empty database: %+v", i+1, c)
					}
					if i == 1 && c.New != 0 {
						t.Errorf("the second import adds %d records, want 0 (%+v)", c.New, c)
					}
					if res.Merged != c.Merged {
						t.Errorf("result merged %d, count %d", res.Merged, c.Merged)
					}
					if !strings.Contains(Summary(res, name), "merged") {
						t.Errorf("summary %q does not tell the merged rows", Summary(res, name))
					}
				}
			})
		}
	}
}

// Two people of one name at one customer (different phones and emails)
// are two contacts, and stay two when the file is imported again; a
// later row with the first one's email is the first one.
func TestSameNamedPeopleStayTwo(t *testing.T) {
	tests := []struct {
		name, kind, data string
		want             []string
	}{
		{"contact file", KindContacts,
			"客户名称,联系人,手机,邮箱\n宁波泰联贸易有限公司,陈秀,14100521721,u343.wang@corp.com\n宁波泰联贸易有限公司,陈秀,16041485212,u157115.chen@example.com\n",
			[]string{"cont|宁波泰联贸易有限公司|陈秀||14100521721|u343.wang@corp.com|14100521721",
				"cont|宁波泰联贸易有限公司|陈秀||16041485212|u157115.chen@example.com|16041485212"}},
		{"customer file", KindCustomers,
			"客户名称,联系人,手机,邮箱,职务\n宁波泰联贸易有限公司,陈秀,14100521721,u343.wang@corp.com,\n宁波泰联贸易有限公司,陈秀,16041485212,u157115.chen@example.com,\n" +
				"宁波泰联贸易有限公司,陈秀,,u343.wang@corp.com,经理\n",
			[]string{"cont|宁波泰联贸易有限公司|陈秀|经理|14100521721|u343.wang@corp.com|14100521721",
				"cont|宁波泰联贸易有限公司|陈秀||16041485212|u157115.chen@example.com|16041485212"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			res := mustKind(t, st, tt.kind, "1.csv", tt.data, Options{})
			if c := mainCount(t, res, KindContacts); c.New != 2 {
				t.Errorf("first import: %+v, want 2 new contacts", c)
			}
			once := snapshot(t, st)
			for _, w := range tt.want {
				if !strings.Contains(once, w) {
					t.Errorf("after the first import lacks %q:\n%s", w, once)
				}
			}
			res = mustKind(t, st, tt.kind, "2.csv", tt.data, Options{})
			if c := mainCount(t, res, KindContacts); c.New != 0 {
				t.Errorf("re-import: %+v, want no new contact", c)
			}
			if twice := snapshot(t, st); twice != once {
				t.Errorf("re-import changed the records:\n%s\nwant\n%s", twice, once)
			}
		})
	}
}

// A value a later row of the same record replaces is noted: the row, the
// field, the earlier value and row, and the value kept.
func TestMergeNotes(t *testing.T) {
	tests := []struct {
		name, kind, data string
		want             []MergeNote // Row, First, Field, Earlier, EarlierRow, Kept
	}{
		{"contact's phone by name", KindContacts, "客户名称,联系人,手机,邮箱\n甲,王五,13900000000,\n甲,王五,13900000001,\n甲,王五,139-0000-0001,w@x.com\n",
			[]MergeNote{{Row: 3, First: 2, Field: EFContactMobile, Earlier: "13900000000", EarlierRow: 2, Kept: "13900000001"}}},
		{"customer's industry and owner", KindCustomers, "客户名称,行业,负责人\n甲,电子,张三\n甲,,\n甲有限公司,软件,李四\n",
			[]MergeNote{{Row: 4, First: 2, Field: EFIndustry, Earlier: "电子", EarlierRow: 2, Kept: "软件"},
				{Row: 4, First: 2, Field: EFOwner, Earlier: "张三", EarlierRow: 2, Kept: "李四"}}},
		{"product's price", KindProducts, "产品编号,产品名称,单价\nP1,网关,100\nP1,网关,100\np1,网关,120.5\n",
			[]MergeNote{{Row: 4, First: 2, Field: EFPrice, Earlier: "100.00", EarlierRow: 2, Kept: "120.50"}}},
		{"lead's name", KindLeads, "线索名称,电话\n展会名片,13700137000\n官网咨询,13700137000\n",
			[]MergeNote{{Row: 3, First: 2, Field: EFLeadName, Earlier: "展会名片", EarlierRow: 2, Kept: "官网咨询"}}},
		// Statuses and the active flag as the file wrote them, compared by
		// what they mean (新线索 and New are one status: no note).
		{"lead's status as written", KindLeads, "线索名称,电话,状态\n甲,13700137000,新线索\n甲,13700137000,New\n甲,13700137000,跟进中\n",
			[]MergeNote{{Row: 4, First: 2, Field: EFStatus, Earlier: "新线索", EarlierRow: 2, Kept: "跟进中"}}},
		{"product's active flag as written", KindProducts, "产品编号,产品名称,状态\nP1,网关,启用\nP1,网关,是\nP1,网关,停用\n",
			[]MergeNote{{Row: 4, First: 2, Field: EFActive, Earlier: "启用", EarlierRow: 2, Kept: "停用"}}},
		{"opportunity's amount and a cleared cell", KindOpportunities,
			"Opportunity ID,Name,Customer,Stage,Amount,Next Step\nX1,a,C1,初期沟通,100,call\nX1,a,C1,初期沟通,150,\n",
			[]MergeNote{{Row: 3, First: 2, Field: FieldAmount, Earlier: "100", EarlierRow: 2, Kept: "150"},
				{Row: 3, First: 2, Field: FieldNextStep, Earlier: "call", EarlierRow: 2, Kept: ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			// The preview lists the notes the import then makes.
			s := NewService(st, svc.New(nil))
			p, err := s.PreviewData("f.csv", base64.StdEncoding.EncodeToString([]byte(tt.data)))
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tt.kind {
				p, err = s.Validate(p.Token, PreviewOptions{Kind: tt.kind})
				if err != nil {
					t.Fatal(err)
				}
			}
			res := mustKind(t, st, tt.kind, "f.csv", tt.data, Options{})
			for _, got := range [][]MergeNote{p.Notes, res.Notes} {
				if len(got) != len(tt.want) {
					t.Fatalf("notes %+v, want %+v", got, tt.want)
				}
				for i, w := range tt.want {
					g := got[i]
					if g.Row != w.Row || g.First != w.First || g.Field != w.Field || g.Earlier != w.Earlier || g.EarlierRow != w.EarlierRow ||
						g.Kept != w.Kept || g.Kind != tt.kind {
						t.Errorf("note %d: %+v, want %+v", i, g, w)
					}
					if !strings.Contains(g.Message, w.Earlier) || !strings.Contains(g.MessageEn, "row "+itoa(w.Row)) || g.Column == "" {
						t.Errorf("note %d messages %q / %q", i, g.Message, g.MessageEn)
					}
				}
			}
			if p.NoteCount != len(tt.want) || res.NoteCount != len(tt.want) {
				t.Errorf("note counts %d, %d", p.NoteCount, res.NoteCount)
			}
		})
	}
}

// With "skip", rows of a record there was are skipped with it and say
// nothing about values they would have replaced.
func TestSkippedRowsMakeNoNotes(t *testing.T) {
	st := openDB(t)
	mustKind(t, st, KindProducts, "1.csv", "产品编号,产品名称,单价\nP1,网关,100\n", Options{})
	res := mustKind(t, st, KindProducts, "2.csv", "产品编号,产品名称,单价\nP1,网关,200\nP1,网关,300\n", Options{OnDuplicate: DupSkip})
	if c := mainCount(t, res, KindProducts); c.Skipped != 2 || c.Merged != 0 || len(res.Notes) != 0 {
		t.Errorf("counts %+v notes %+v, want 2 skipped and no note", c, res.Notes)
	}
}
