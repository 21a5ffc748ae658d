package order

import (
	"context"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
)

// Price list and credit are one save: a bad credit limit leaves the price
// list as it was.
func TestSetCustomerTermsIsOneTransaction(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pl, err := f.ps.CreatePriceList(product.PriceListInput{Name: "经销商价"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		in        TermsInput
		wantField string
		wantList  *int64
		wantLimit *int64
	}{
		{"bad limit changes nothing", TermsInput{PriceListID: pl.ID, Limit: "-5", Days: 30}, "limit", nil, nil},
		{"unknown price list", TermsInput{PriceListID: 9999, Limit: "100"}, "priceListId", nil, nil},
		{"bad days", TermsInput{PriceListID: pl.ID, Days: -1}, "days", nil, nil},
		{"both saved", TermsInput{PriceListID: pl.ID, Limit: "1,000.50", Days: 45}, "", &pl.ID, ptr(100050)},
		{"cleared", TermsInput{}, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.SetCustomerTerms(f.cust, tt.in)
			if tt.wantField != "" {
				e, ok := apperr.As(err)
				if !ok || e.Field != tt.wantField {
					t.Fatalf("err = %v, want a field error on %s", err, tt.wantField)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			terms, err := store.GetCustomerTerms(ctx, f.st.DB, f.cust)
			if err != nil {
				t.Fatal(err)
			}
			if !eqPtr(terms.PriceListID, tt.wantList) || !eqPtr(terms.CreditLimitCents, tt.wantLimit) {
				t.Errorf("terms = list %v limit %v, want %v %v", deref(terms.PriceListID), deref(terms.CreditLimitCents), deref(tt.wantList), deref(tt.wantLimit))
			}
		})
	}
}

func ptr(v int64) *int64 { return &v }

func eqPtr(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
