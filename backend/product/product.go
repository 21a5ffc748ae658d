// Package product keeps the product library (产品): the category tree,
// products, price lists (价格表) and the customer prices drawn from them, and
// the product lines of opportunities. Its line rules (quantities, prices,
// discounts, totals) are shared by quotes and orders.
//
// Quantities are fixed-point integers in thousandths (qtyMilli: 1.5 = 1500),
// money is int64 cents, discounts are basis points (12.5% = 1250). A line
// total is round-half-up(qty × unit price × (1 − discount)) to the cent.
package product

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the product service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Input creates or edits a product. Price is yuan; CategoryID and OwnerID
// 0 mean none; a retired product cannot be put on new lines.
type Input struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	CategoryID  int64  `json:"categoryId"`
	Unit        string `json:"unit"`
	Price       string `json:"price"`
	OwnerID     int64  `json:"ownerId"`
	Retired     bool   `json:"retired"`
	Description string `json:"description"`
}

// Filter selects products. CategoryID takes the category and everything
// below it (0: any).
type Filter struct {
	Query      string  `json:"query"`
	CategoryID int64   `json:"categoryId"`
	OwnerIDs   []int64 `json:"ownerIds"`
	// Status is "" (all), "active" or "retired".
	Status string `json:"status"`
	// Sort is one of code (default), name, price, category, createdAt, updatedAt.
	Sort string `json:"sort"`
	Desc bool   `json:"desc"`
}

// ListRequest asks for one page (1-based) of products.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of products and the total matching.
type Page struct {
	Items    []store.Product `json:"items"`
	Total    int             `json:"total"`
	Page     int             `json:"page"`
	PageSize int             `json:"pageSize"`
}

// Detail is a product with its prices in the price lists.
type Detail struct {
	Product store.Product         `json:"product"`
	Prices  []store.PriceListItem `json:"prices"`
	// Used counts the opportunity, quote and order lines naming it; a used
	// product cannot be deleted, only retired.
	Used int `json:"used"`
}

// Units are offered in the unit field; any other text is allowed.
var Units = []string{"个", "台", "套", "件", "只", "箱", "盒", "包", "米", "千克", "吨", "次", "年", "项", "人天"}

// Options lists the choices of the product forms.
type Options struct {
	Units []string `json:"units"`
}

// Options returns the unit suggestions.
func (s *Service) Options() Options { return Options{Units: Units} }

func (s *Service) storeFilter(ctx context.Context, q store.Querier, f Filter) (store.ProductFilter, error) {
	sf := store.ProductFilter{Query: f.Query, OwnerIDs: f.OwnerIDs, Sort: f.Sort, Desc: f.Desc}
	if _, err := validate.OneOf("status", msg.LabelStatus, f.Status, []string{"all", "active", "retired"}); err != nil {
		return sf, err
	}
	sf.Status = f.Status
	if f.Sort != "" {
		if _, ok := store.ProductSortColumns[f.Sort]; !ok {
			return sf, apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": f.Sort})
		}
	}
	if f.CategoryID != 0 {
		ids, err := store.CategorySubtree(ctx, q, f.CategoryID)
		if err != nil {
			return sf, err
		}
		sf.CategoryIDs = ids
	}
	return sf, nil
}

// List returns one page of products.
func (s *Service) List(req ListRequest) (Page, error) {
	ctx := s.env.Ctx()
	sf, err := s.storeFilter(ctx, s.st.DB, req.Filter)
	if err != nil {
		return Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, err := store.ListProducts(ctx, s.st.DB, sf, off, lim)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
}

// Columns are the columns of exported products.
var Columns = []export.Column{
	{Label: msg.LabelProductCode, Kind: export.Text}, {Label: msg.LabelProductName, Kind: export.Text}, {Label: msg.LabelProductCategory, Kind: export.Text},
	{Label: msg.LabelUnit, Kind: export.Text}, {Label: msg.LabelStandardPrice, Kind: export.Money}, {Label: msg.LabelOwner, Kind: export.Text},
	{Label: msg.LabelStatus, Kind: export.Text}, {Label: msg.LabelDescription, Kind: export.Text},
}

// Export writes the products matching f to a file the user picks, as CSV
// or XLSX (format), and returns its path, or "" when the user cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	ctx := s.env.Ctx()
	sf, err := s.storeFilter(ctx, s.st.DB, f)
	if err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	var fs export.Filters
	if f.CategoryID != 0 {
		name, err := export.Names([]int64{f.CategoryID}, func(id int64) (string, error) {
			c, err := store.GetCategory(ctx, s.st.DB, id)
			if errors.Is(err, store.ErrNotFound) {
				return "", apperr.NotFound("categoryId", msg.CategoryUnknown, nil)
			}
			return c.Name, err
		})
		if err != nil {
			return "", err
		}
		fs.AddWords(msg.LabelProductCategory, msg.WithSubcats, msg.P{"name": name})
	}
	owners, err := owner.Names(ctx, s.st.DB, f.OwnerIDs)
	if err != nil {
		return "", err
	}
	fs.Add(msg.LabelOwner, owners)
	if k, ok := map[string]msg.Key{"active": msg.ProductActiveWord, "retired": msg.ProductRetiredWord}[f.Status]; ok {
		fs.AddWords(msg.LabelStatus, k, nil)
	}
	fs.Add(msg.LabelSearch, f.Query)
	return export.Save(s.env, "产品", format, export.Table{Sheet: "产品", Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachProduct(ctx, s.st.DB, sf, func(p store.Product) error {
				status := msg.ProductActiveWord
				if !p.Active {
					status = msg.ProductRetiredWord
				}
				return emit(p.Code, p.Name, p.CategoryName, p.Unit, p.PriceCents, p.OwnerName, msg.Render(msg.Zh, status, nil), p.Description)
			})
		}})
}

// Get returns a product with its list prices.
func (s *Service) Get(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	p, err := Get(ctx, s.st.DB, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Product: p}
	if d.Prices, err = store.ProductListPrices(ctx, s.st.DB, id); err != nil {
		return Detail{}, err
	}
	d.Used, err = store.ProductUsage(ctx, s.st.DB, id)
	return d, err
}

// Get loads a product, mapping a missing one to a not_found error.
func Get(ctx context.Context, q store.Querier, id int64) (store.Product, error) {
	p, err := store.GetProduct(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return p, apperr.NotFound("id", msg.ProductNotFound)
	}
	return p, err
}

func (s *Service) check(ctx context.Context, q store.Querier, id int64, in Input, cur store.Product) (store.Product, error) {
	p := cur
	p.ID = id
	var errs apperr.List
	var err error
	if p.Code, err = validate.Text("code", msg.LabelProductCode, in.Code, true, 50); errs.OK(err) {
		if other, err := store.ProductByCode(ctx, q, p.Code); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("code", msg.ProductCodeTaken, msg.P{"code": p.Code, "name": other.Name}))
		} else if !errors.Is(err, store.ErrNotFound) {
			errs.Add(err)
		}
	}
	p.Name, err = validate.Text("name", msg.LabelProductName, in.Name, true, 100)
	errs.Add(err)
	p.Unit, err = validate.Text("unit", msg.LabelUnit, in.Unit, true, 10)
	errs.Add(err)
	p.PriceCents, err = validate.Amount("price", msg.LabelStandardPrice, in.Price, true)
	errs.Add(err)
	p.Description, err = validate.Text("description", msg.LabelDescription, in.Description, false, 4000)
	errs.Add(err)
	p.CategoryID = nil
	if in.CategoryID != 0 {
		if _, err := store.GetCategory(ctx, q, in.CategoryID); errors.Is(err, store.ErrNotFound) {
			errs.Add(apperr.Invalid("categoryId", msg.CategoryUnknown))
		} else {
			errs.Add(err)
		}
		c := in.CategoryID
		p.CategoryID = &c
	}
	p.OwnerID = nil
	if in.OwnerID != 0 {
		var curOwner int64
		if cur.OwnerID != nil {
			curOwner = *cur.OwnerID
		}
		if o, err := owner.Resolve(ctx, q, in.OwnerID, curOwner); errs.OK(err) {
			p.OwnerID = &o.ID
		}
	}
	p.Active = !in.Retired
	return p, errs.Err()
}

// Create adds a product; codes are unique (ignoring case).
func (s *Service) Create(in Input) (store.Product, error) {
	ctx := s.env.Ctx()
	var out store.Product
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		p, err := s.check(ctx, tx, 0, in, store.Product{})
		if err != nil {
			return err
		}
		id, err := store.InsertProduct(ctx, tx, p)
		if err != nil {
			return err
		}
		if out, err = store.GetProduct(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "product", ID: id, Name: out.Name, Action: oplog.Create, New: out})
	})
	return out, err
}

// Update edits a product. Lines already written keep the code, name and
// unit they were written with.
func (s *Service) Update(id int64, in Input) (store.Product, error) {
	ctx := s.env.Ctx()
	var out store.Product
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := s.check(ctx, tx, id, in, cur)
		if err != nil {
			return err
		}
		if err := store.UpdateProduct(ctx, tx, p); err != nil {
			return err
		}
		if out, err = store.GetProduct(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "product", ID: id, Name: out.Name, Action: oplog.Update, Old: cur, New: out})
	})
	return out, err
}

// SetRetired retires (or brings back) several products at once.
func (s *Service) SetRetired(ids []int64, retired bool) (int, error) {
	if len(ids) == 0 {
		return 0, apperr.Invalid("ids", msg.SelectProducts)
	}
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		for _, id := range ids {
			p, err := Get(ctx, tx, id)
			if err != nil {
				return err
			}
			cur := p
			p.Active = !retired
			if err := store.UpdateProduct(ctx, tx, p); err != nil {
				return err
			}
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "product", ID: id, Name: p.Name, Action: oplog.Update, Old: cur, New: p}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(ids), nil
}

// Delete moves a product no line names (with its prices in the price lists)
// to the recycle bin; a used product can only be retired.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		p, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		n, err := store.ProductUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("id", msg.ProductInUse, msg.P{"name": p.Name})
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "product", id, p.Name, "")
	})
}
