package product

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// PriceListInput creates or renames a price list.
type PriceListInput struct {
	Name  string `json:"name"`
	Notes string `json:"notes"`
}

// PriceInput sets one product's price in a list; an empty Price takes the
// product out of the list.
type PriceInput struct {
	ProductID int64  `json:"productId"`
	Price     string `json:"price"`
}

// PriceListDetail is a price list with its prices.
type PriceListDetail struct {
	PriceList store.PriceList       `json:"priceList"`
	Items     []store.PriceListItem `json:"items"`
}

// Price is what a product costs a customer.
type Price struct {
	ProductID          int64 `json:"productId"`
	UnitPriceCents     int64 `json:"unitPriceCents"`
	StandardPriceCents int64 `json:"standardPriceCents"`
	// FromPriceList is true when the customer's price list priced it;
	// PriceListID/Name name the customer's list even when it has no price
	// for the product.
	FromPriceList bool   `json:"fromPriceList"`
	PriceListID   int64  `json:"priceListId"`
	PriceListName string `json:"priceListName"`
}

// PriceLists returns every price list by name with its counts.
func (s *Service) PriceLists() ([]store.PriceList, error) {
	return store.ListPriceLists(s.env.Ctx(), s.st.DB)
}

func getPriceList(ctx context.Context, q store.Querier, id int64) (store.PriceList, error) {
	l, err := store.GetPriceList(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return l, apperr.NotFound("priceListId", msg.PriceListNotFound)
	}
	return l, err
}

// PriceList returns a price list with its prices by product code.
func (s *Service) PriceList(id int64) (PriceListDetail, error) {
	ctx := s.env.Ctx()
	l, err := getPriceList(ctx, s.st.DB, id)
	if err != nil {
		return PriceListDetail{}, err
	}
	items, err := store.ListPriceListItems(ctx, s.st.DB, id)
	return PriceListDetail{PriceList: l, Items: items}, err
}

func checkPriceList(ctx context.Context, q store.Querier, id int64, in PriceListInput) (string, string, error) {
	var errs apperr.List
	name, err := validate.Text("name", msg.LabelPriceListName, in.Name, true, 50)
	if errs.OK(err) {
		if other, err := store.PriceListByName(ctx, q, name); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("name", msg.PriceListDuplicate, msg.P{"name": name}))
		} else if !errors.Is(err, store.ErrNotFound) {
			errs.Add(err)
		}
	}
	notes, err := validate.Text("notes", msg.LabelNotes, in.Notes, false, 500)
	errs.Add(err)
	return name, notes, errs.Err()
}

// CreatePriceList adds an empty price list; names are unique.
func (s *Service) CreatePriceList(in PriceListInput) (store.PriceList, error) {
	ctx := s.env.Ctx()
	var out store.PriceList
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		name, notes, err := checkPriceList(ctx, tx, 0, in)
		if err != nil {
			return err
		}
		id, err := store.InsertPriceList(ctx, tx, name, notes)
		if err != nil {
			return err
		}
		if out, err = store.GetPriceList(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "pricelist", ID: id, Name: out.Name, Action: oplog.Create, New: out})
	})
	return out, err
}

// UpdatePriceList renames a price list.
func (s *Service) UpdatePriceList(id int64, in PriceListInput) (store.PriceList, error) {
	ctx := s.env.Ctx()
	var out store.PriceList
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getPriceList(ctx, tx, id)
		if err != nil {
			return err
		}
		name, notes, err := checkPriceList(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if err := store.UpdatePriceList(ctx, tx, id, name, notes); err != nil {
			return err
		}
		if out, err = store.GetPriceList(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "pricelist", ID: id, Name: out.Name, Action: oplog.Update, Old: cur, New: out})
	})
	return out, err
}

// DeletePriceList removes a price list no customer is given.
func (s *Service) DeletePriceList(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		l, err := getPriceList(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Customers > 0 {
			return apperr.Conflict("id", msg.PriceListInUse, msg.P{"name": l.Name})
		}
		if err := store.DeletePriceList(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "pricelist", ID: id, Name: l.Name, Action: oplog.Delete, Old: l})
	})
}

// SetPrices writes several prices of one list in one transaction; an empty
// price takes the product out of the list.
func (s *Service) SetPrices(priceListID int64, prices []PriceInput) (PriceListDetail, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		l, err := getPriceList(ctx, tx, priceListID)
		if err != nil {
			return err
		}
		// Every row is checked before any is written, so that the user
		// hears of all bad rows at once.
		var errs apperr.List
		cents := make([]int64, len(prices))
		for i, p := range prices {
			if _, err := store.GetProduct(ctx, tx, p.ProductID); errors.Is(err, store.ErrNotFound) {
				errs.Add(lineErr(i, apperr.Invalid("productId", msg.ProductUnknown)))
			} else {
				errs.Add(err)
			}
			if strings.TrimSpace(p.Price) != "" {
				c, err := validate.Amount("price", msg.LabelPrice, p.Price, true)
				errs.Add(lineErr(i, err))
				cents[i] = c
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
		before, err := pricesOf(ctx, tx, priceListID)
		if err != nil {
			return err
		}
		for i, p := range prices {
			if strings.TrimSpace(p.Price) == "" {
				if err := store.RemoveListPrice(ctx, tx, priceListID, p.ProductID); err != nil {
					return err
				}
				continue
			}
			if err := store.SetListPrice(ctx, tx, priceListID, p.ProductID, cents[i]); err != nil {
				return err
			}
		}
		after, err := pricesOf(ctx, tx, priceListID)
		if err != nil {
			return err
		}
		// A price taken out is logged as a change to nothing.
		for k := range before {
			if _, ok := after[k]; !ok {
				after[k] = nil
			}
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "pricelist", ID: l.ID, Name: l.Name, Action: oplog.Update, Old: before, New: after})
	})
	if err != nil {
		return PriceListDetail{}, err
	}
	return s.PriceList(priceListID)
}

// pricesOf returns list listID's prices by "code name" of the product, as
// the log keeps them: each product is a field, so an edit logs only the
// prices it changed.
func pricesOf(ctx context.Context, q store.Querier, listID int64) (map[string]any, error) {
	items, err := store.ListPriceListItems(ctx, q, listID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(items))
	for _, it := range items {
		out[it.ProductCode+" "+it.ProductName] = it.PriceCents
	}
	return out, nil
}

// CustomerTerms returns a customer's price list and credit settings.
func (s *Service) CustomerTerms(customerID int64) (store.CustomerTerms, error) {
	return customerTerms(s.env.Ctx(), s.st.DB, customerID)
}

func customerTerms(ctx context.Context, q store.Querier, customerID int64) (store.CustomerTerms, error) {
	t, err := store.GetCustomerTerms(ctx, q, customerID)
	if errors.Is(err, store.ErrNotFound) {
		return t, apperr.NotFound("customerId", msg.CustomerNotFound)
	}
	return t, err
}

// SetCustomerPriceList gives a customer a price list (0: none, standard
// prices).
func (s *Service) SetCustomerPriceList(customerID, priceListID int64) (store.CustomerTerms, error) {
	ctx := s.env.Ctx()
	var out store.CustomerTerms
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		before, err := customerTerms(ctx, tx, customerID)
		if err != nil {
			return err
		}
		var list *int64
		if priceListID != 0 {
			if _, err := getPriceList(ctx, tx, priceListID); err != nil {
				return err
			}
			list = &priceListID
		}
		if err := store.SetCustomerPriceList(ctx, tx, customerID, list); err != nil {
			return err
		}
		if out, err = store.GetCustomerTerms(ctx, tx, customerID); err != nil {
			return err
		}
		c, err := store.GetCustomer(ctx, tx, customerID)
		if err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "customer", ID: c.ID, Name: c.Name, Action: oplog.Update, Owner: c.OwnerName, Old: before, New: out})
	})
	return out, err
}

// PriceFor returns what a product costs a customer: its price in the
// customer's price list, else its standard price. The UI calls it when a
// line is added; quotes and orders price empty unit prices the same way.
func (s *Service) PriceFor(customerID, productID int64) (Price, error) {
	ctx := s.env.Ctx()
	c, err := customer.Resolve(ctx, s.st.DB, customerID)
	if err != nil {
		return Price{}, err
	}
	p, err := store.GetProduct(ctx, s.st.DB, productID)
	if errors.Is(err, store.ErrNotFound) {
		return Price{}, apperr.Invalid("productId", msg.ProductUnknown)
	}
	if err != nil {
		return Price{}, err
	}
	t, err := store.GetCustomerTerms(ctx, s.st.DB, c.ID)
	if err != nil {
		return Price{}, err
	}
	cents, fromList, err := priceFor(ctx, s.st.DB, t, p)
	if err != nil {
		return Price{}, err
	}
	out := Price{ProductID: p.ID, UnitPriceCents: cents, StandardPriceCents: p.PriceCents, FromPriceList: fromList, PriceListName: t.PriceListName}
	if t.PriceListID != nil {
		out.PriceListID = *t.PriceListID
	}
	return out, nil
}

func priceFor(ctx context.Context, q store.Querier, t store.CustomerTerms, p store.Product) (int64, bool, error) {
	if t.PriceListID != nil {
		cents, ok, err := store.ListPrice(ctx, q, *t.PriceListID, p.ID)
		if err != nil {
			return 0, false, err
		}
		if ok {
			return cents, true, nil
		}
	}
	return p.PriceCents, false, nil
}
