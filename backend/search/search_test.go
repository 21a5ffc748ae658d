package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"funneldesk/backend/customer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// world is a small database of every kind the search finds.
func world(t *testing.T) *Service {
	t.Helper()
	st := storetest.New(t)
	env := svc.New(nil)
	ctx := context.Background()
	owner := storetest.Owner(t, st, "张三")
	stage := storetest.Stage(t, st, "初期沟通")
	cs := customer.NewService(st, env)
	os := opportunity.NewService(st, env)
	mk := func(name, phone string) int64 {
		c, err := cs.Create(customer.Input{Name: name, Phone: phone, OwnerID: owner})
		if err != nil {
			t.Fatalf("customer %s: %v", name, err)
		}
		return c.ID
	}
	hq := mk("华强电子", "+86 138-0013-8000")
	dl := mk("大连重工", "0411-8888 1234")
	if _, err := cs.AddContact(hq, customer.ContactInput{Name: "李华", Phone: "021-6555 0101", Email: "lihua@example.cn"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Create(opportunity.Input{Name: "华强年度采购", CustomerID: hq, OwnerID: owner, Amount: "100",
		ExpectedClose: "2026-12-31", StageID: stage.ID}); err != nil {
		t.Fatal(err)
	}
	err := st.Tx(ctx, func(tx store.Tx) error {
		if _, err := store.InsertQuote(ctx, tx, store.Quote{Number: "Q-2026-0007", Title: "华强扩容报价", CustomerID: hq, OwnerID: owner,
			QuoteDate: "2026-12-01", ValidUntil: "2026-12-31"}); err != nil {
			return err
		}
		if _, err := store.InsertLead(ctx, tx, store.Lead{Name: "展会咨询", Company: "星河物流", ContactName: "王芳",
			Phone: "0571-8765 4321"}); err != nil {
			return err
		}
		_, err := store.InsertOrder(ctx, tx, store.Order{Number: "SO-2026-0042", Title: "重工备件合同", CustomerID: dl, OwnerID: owner,
			SignedDate: "2026-12-02"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Many same-named opportunities: each kind stops at PerKind.
	for i := 0; i < PerKind+3; i++ {
		if _, err := os.Create(opportunity.Input{Name: fmt.Sprintf("批量项目%02d", i), CustomerID: dl, OwnerID: owner, Amount: "1",
			ExpectedClose: "2026-12-31", StageID: stage.ID}); err != nil {
			t.Fatal(err)
		}
	}
	return NewService(st, env)
}

func TestSearch(t *testing.T) {
	s := world(t)
	tests := []struct {
		name  string
		query string
		want  []string // kind:title, in order
	}{
		{"empty finds nothing", "  ", nil},
		{"a name in every kind that has it", "华强", []string{"customer:华强电子", "opportunity:华强年度采购", "quote:Q-2026-0007"}},
		{"full pinyin", "huaqiang", []string{"customer:华强电子", "opportunity:华强年度采购"}},
		{"pinyin initials", "hq", []string{"customer:华强电子", "opportunity:华强年度采购"}},
		{"a contact by name, with its customer", "李华", []string{"contact:李华"}},
		{"a contact by email", "lihua@", []string{"contact:李华"}},
		{"a phone as typed", "138-0013", []string{"customer:华强电子"}},
		{"a phone by its digits only", "13800138000", []string{"customer:华强电子"}},
		{"a contact's phone by its digits", "65550101", []string{"contact:李华"}},
		{"a quote number", "Q-2026-0007", []string{"quote:Q-2026-0007"}},
		{"an order number, part of it", "0042", []string{"order:SO-2026-0042"}},
		{"an order by its title", "备件", []string{"order:SO-2026-0042"}},
		{"a lead by its name", "展会", []string{"lead:展会咨询"}},
		{"a lead by its company", "星河物流", []string{"lead:展会咨询"}},
		{"a lead by its contact person", "王芳", []string{"lead:展会咨询"}},
		{"a lead by its phone", "8765", []string{"lead:展会咨询"}},
		{"a lead by its name's pinyin", "zhanhui", []string{"lead:展会咨询"}},
		{"like wildcards are literal", "%", nil},
		{"nothing", "不存在的东西", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(tt.query)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			var got []string
			for _, h := range r.Hits {
				got = append(got, h.Kind+":"+h.Title)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchDetails(t *testing.T) {
	s := world(t)
	r, err := s.Search("李华")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 || r.Hits[0].Detail != "华强电子 · 021-6555 0101" || r.Hits[0].CustomerID == 0 {
		t.Errorf("contact hit = %+v, want its customer and phone and the customer's id", r.Hits)
	}
}

func TestSearchLimitsEachKind(t *testing.T) {
	s := world(t)
	// A word within the names: the newest first. Its pinyin initials: the
	// names whose initials start with them, in that order.
	for _, tt := range []struct{ query, first, last string }{
		{"批量", fmt.Sprintf("批量项目%02d", PerKind+2), "批量项目03"},
		{"plxm", "批量项目00", fmt.Sprintf("批量项目%02d", PerKind-1)},
	} {
		r, err := s.Search(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != PerKind {
			t.Fatalf("%s: hits = %d, want %d", tt.query, len(r.Hits), PerKind)
		}
		if r.Hits[0].Title != tt.first || r.Hits[PerKind-1].Title != tt.last {
			t.Errorf("%s: hits from %q to %q, want %q to %q", tt.query, r.Hits[0].Title, r.Hits[PerKind-1].Title, tt.first, tt.last)
		}
	}
}

func TestSearchTooLong(t *testing.T) {
	s := world(t)
	_, err := s.Search(strings.Repeat("长", MaxQuery+1))
	storetest.WantErr(t, err, "invalid", "query")
	if _, err := s.Search(strings.Repeat("长", MaxQuery)); err != nil {
		t.Errorf("a query of %d characters: %v", MaxQuery, err)
	}
}
