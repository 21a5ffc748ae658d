package main

import (
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// TestDeleteMissingReportsNotFound: deleting a record that does not exist
// says so, in every service, instead of reporting success.
func TestDeleteMissingReportsNotFound(t *testing.T) {
	st := storetest.New(t)
	a := NewApp(st, "", svc.New(nil))
	const missing = 999
	tests := []struct {
		name string
		del  func() error
	}{
		{"customer", func() error { return a.Customers.Delete(missing) }},
		{"contact", func() error { return a.Customers.DeleteContact(missing) }},
		{"follow-up", func() error { return a.FollowUps.Delete(missing) }},
		{"opportunity", func() error { return a.Opportunities.Delete(missing) }},
		{"saved view", func() error { return a.Opportunities.DeleteView(missing) }},
		{"owner", func() error { return a.Owners.Delete(missing) }},
		{"stage", func() error { return a.Stages.Delete(missing) }},
		{"product", func() error { return a.Products.Delete(missing) }},
		{"category", func() error { return a.Products.DeleteCategory(missing) }},
		{"price list", func() error { return a.Products.DeletePriceList(missing) }},
		{"quote", func() error { return a.Quotes.Delete(missing) }},
		{"receipt", func() error { _, err := a.Orders.DeleteReceipt(missing); return err }},
		{"invoice", func() error { _, err := a.Orders.DeleteInvoice(missing); return err }},
		{"order (void)", func() error { _, err := a.Orders.Void(missing, "重复"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.del()
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.CodeNotFound || e.Message == "" || e.MessageEn == "" {
				t.Errorf("delete of a missing %s: %v, want not_found in both languages", tt.name, err)
			}
		})
	}
}
