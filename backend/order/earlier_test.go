package order

import (
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/product"
	"funneldesk/backend/store/storetest"
)

// wantBothDates checks that err is the question, on field, naming every
// one of names in both languages.
func wantBothDates(t *testing.T, err error, field string, names ...string) {
	t.Helper()
	storetest.WantErr(t, err, apperr.CodeConflict, field)
	e, _ := apperr.As(err)
	for _, n := range names {
		if !strings.Contains(e.Message, n) || !strings.Contains(e.MessageEn, n) {
			t.Errorf("%q / %q does not name %s", e.Message, e.MessageEn, n)
		}
	}
}

func TestReceiptBeforeSigning(t *testing.T) {
	tests := []struct {
		name    string
		date    string
		confirm bool
		asked   bool
	}{
		{"the day before, not confirmed", "2026-02-28", false, true},
		{"the day before, confirmed", "2026-02-28", true, false},
		{"the signing day", "2026-03-01", false, false},
		{"today (the default)", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.create(t, f.byHand(f.cust, "1"))
			logged := storetest.Count(t, f.st, "oplog")
			got, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "100", Date: tt.date, ConfirmEarlier: tt.confirm})
			if tt.asked {
				wantBothDates(t, err, "date", tt.date, "2026-03-01", d.Order.Number)
				if n := storetest.Count(t, f.st, "receipts"); n != 0 {
					t.Errorf("refused, yet %d receipts", n)
				}
				if n := storetest.Count(t, f.st, "oplog"); n != logged {
					t.Errorf("refused, yet the log grew from %d to %d", logged, n)
				}
				after, _ := f.s.Get(d.Order.ID)
				if after.Figures.ReceivedCents != 0 || after.Plan[0].ReceivedCents != 0 {
					t.Errorf("refused, yet received %+v", after.Figures)
				}
				return
			}
			storetest.WantErr(t, err, "", "")
			if len(got.Receipts) != 1 || got.Figures.ReceivedCents != 10000 {
				t.Errorf("receipts %+v, received %d", got.Receipts, got.Figures.ReceivedCents)
			}
			if tt.date != "" && got.Receipts[0].Date != tt.date {
				t.Errorf("receipt date %s, want %s", got.Receipts[0].Date, tt.date)
			}
		})
	}
}

func TestOrderSignedBeforeQuote(t *testing.T) {
	tests := []struct {
		name    string
		signed  string
		confirm bool
		asked   bool
	}{
		{"the day before, not confirmed", "2026-03-14", false, true},
		{"the day before, confirmed", "2026-03-14", true, false},
		{"the quote's day", "2026-03-15", false, false},
		{"after the quote", "2026-03-20", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			q := f.approvedQuote(t, f.open) // dated today, 2026-03-15
			logged := storetest.Count(t, f.st, "oplog")
			d, err := f.s.Create(Input{QuoteID: q, OwnerID: f.owner, SignedDate: tt.signed, ConfirmEarlier: tt.confirm})
			if tt.asked {
				wantBothDates(t, err, "signedDate", tt.signed, "2026-03-15", "BJ-20260315-001")
				for _, table := range []string{"orders", "order_lines", "installments"} {
					if n := storetest.Count(t, f.st, table); n != 0 {
						t.Errorf("refused, yet %d %s", n, table)
					}
				}
				if n := storetest.Count(t, f.st, "oplog"); n != logged {
					t.Errorf("refused, yet the log grew from %d to %d", logged, n)
				}
				return
			}
			storetest.WantErr(t, err, "", "")
			if d.Order.SignedDate != tt.signed || d.Order.QuoteID == nil || *d.Order.QuoteID != q {
				t.Errorf("order %+v", d.Order)
			}
		})
	}
}

// A by-hand order has no earlier document: any signing date is taken as it is.
func TestOrderWithoutQuoteIsNotAsked(t *testing.T) {
	f := newFixture(t)
	f.approvedQuote(t, f.open)
	in := f.byHand(f.cust, "1")
	in.SignedDate = "2026-01-05"
	f.create(t, in)
	if _, err := f.s.Create(Input{OpportunityID: f.open, OwnerID: f.owner, SignedDate: "2026-01-05",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}); err != nil {
		t.Fatal(err)
	}
}
