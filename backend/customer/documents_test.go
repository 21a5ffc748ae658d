package customer_test

import (
	"context"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// Quotes and orders keep a customer and a salesperson from being deleted
// with a clear conflict, not a raw foreign-key failure.
func TestDeleteRefusedWhileDocumentsExist(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	o := storetest.Owner(t, st, "王五")
	c := storetest.Customer(t, st, "喜多多贸易", o)
	if _, err := store.InsertQuote(ctx, st.W, store.Quote{Number: "BJ-20261123-001", Title: "报价", CustomerID: c, OwnerID: o,
		Status: "open", QuoteDate: "2026-11-23", ValidUntil: "2026-12-23"}); err != nil {
		t.Fatal(err)
	}
	err := customer.NewService(st, svc.New(nil)).Delete(c)
	if !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("customer delete with a quote: %v, want a conflict", err)
	}
	if storetest.Count(t, st, "customers") != 1 {
		t.Fatal("the customer was deleted")
	}

	o2 := storetest.Owner(t, st, "赵六")
	if _, err := store.InsertProduct(ctx, st.W, store.Product{Code: "P-1", Name: "打印机", Unit: "台", OwnerID: &o2, Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := owner.NewService(st, svc.New(nil)).Delete(o2); !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("owner delete holding a product: %v, want a conflict", err)
	}
	if err := owner.NewService(st, svc.New(nil)).Delete(o); !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("owner delete holding a quote: %v, want a conflict", err)
	}
}
