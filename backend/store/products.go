package store

import (
	"context"
	"fmt"
	"strings"
)

// Category is a node of the product category tree.
type Category struct {
	ID       int64  `db:"id" json:"id"`
	Name     string `db:"name" json:"name"`
	ParentID *int64 `db:"parent_id" json:"parentId"`
	Position int    `db:"position" json:"position"`
	// Depth is 0 for a top-level category; Path is "办公设备 / 打印机".
	Depth int    `db:"depth" json:"depth"`
	Path  string `db:"path" json:"path"`
	// Products counts the products directly in this category, Children its
	// direct sub-categories.
	Products int `db:"products" json:"products"`
	Children int `db:"children" json:"children"`
}

// ListCategories returns the whole tree depth-first (parents before their
// children, siblings by position then name).
func ListCategories(ctx context.Context, q Querier) ([]Category, error) {
	out := []Category{}
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE tree(id, depth, path, sortkey) AS (
		SELECT id, 0, name, printf('%08d', position) || name || char(1) FROM categories WHERE parent_id IS NULL
		UNION ALL
		SELECT c.id, t.depth + 1, t.path || ' / ' || c.name, t.sortkey || printf('%08d', c.position) || c.name || char(1)
		FROM categories c JOIN tree t ON c.parent_id = t.id)
		SELECT c.id, c.name, c.parent_id, c.position, t.depth, t.path,
			(SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) AS products,
			(SELECT COUNT(*) FROM categories k WHERE k.parent_id = c.id) AS children
		FROM tree t JOIN categories c ON c.id = t.id ORDER BY t.sortkey`)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return out, nil
}

// GetCategory returns one category (without depth and path) or ErrNotFound.
func GetCategory(ctx context.Context, q Querier, id int64) (Category, error) {
	var c Category
	err := q.GetContext(ctx, &c, `SELECT c.id, c.name, c.parent_id, c.position, 0 AS depth, c.name AS path,
		(SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) AS products,
		(SELECT COUNT(*) FROM categories k WHERE k.parent_id = c.id) AS children
		FROM categories c WHERE c.id = ?`, id)
	return c, notFound(err)
}

// CategorySiblingNamed returns the category named name under parent (nil =
// top level) or ErrNotFound.
func CategorySiblingNamed(ctx context.Context, q Querier, parent *int64, name string) (Category, error) {
	var c Category
	err := q.GetContext(ctx, &c, `SELECT id, name, parent_id, position, 0 AS depth, name AS path, 0 AS products, 0 AS children
		FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(?, 0) AND name = ?`, parent, name)
	return c, notFound(err)
}

// CategoryAncestors returns the ids from id up to its root, id first.
func CategoryAncestors(ctx context.Context, q Querier, id int64) ([]int64, error) {
	out := []int64{}
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE up(id, parent_id, n) AS (
		SELECT id, parent_id, 0 FROM categories WHERE id = ?
		UNION ALL SELECT c.id, c.parent_id, up.n + 1 FROM categories c JOIN up ON c.id = up.parent_id WHERE up.n < 1000)
		SELECT id FROM up ORDER BY n`, id)
	return out, err
}

// InsertCategory adds a category as the last of its siblings.
func InsertCategory(ctx context.Context, q Querier, name string, parent *int64) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO categories (name, parent_id, position, created_at)
		VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(?, 0)), ?)`,
		name, parent, parent, Now())
	if err != nil {
		return 0, fmt.Errorf("insert category: %w", err)
	}
	return res.LastInsertId()
}

// UpdateCategory renames or moves a category.
func UpdateCategory(ctx context.Context, q Querier, id int64, name string, parent *int64) error {
	_, err := q.ExecContext(ctx, `UPDATE categories SET name = ?, parent_id = ? WHERE id = ?`, name, parent, id)
	if err != nil {
		return fmt.Errorf("update category: %w", err)
	}
	return nil
}

// DeleteCategory removes a category.
func DeleteCategory(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM categories WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete category: %w", err)
	}
	return nil
}

// Product is an item of the product library (产品).
type Product struct {
	ID           int64  `db:"id" json:"id"`
	Code         string `db:"code" json:"code"`
	Name         string `db:"name" json:"name"`
	CategoryID   *int64 `db:"category_id" json:"categoryId"`
	CategoryName string `db:"category_name" json:"categoryName"`
	Unit         string `db:"unit" json:"unit"`
	PriceCents   int64  `db:"price_cents" json:"priceCents"`
	OwnerID      *int64 `db:"owner_id" json:"ownerId"`
	OwnerName    string `db:"owner_name" json:"ownerName"`
	Active       bool   `db:"active" json:"active"`
	Description  string `db:"description" json:"description"`
	CreatedAt    string `db:"created_at" json:"createdAt"`
	UpdatedAt    string `db:"updated_at" json:"updatedAt"`
}

// ProductFilter selects products. CategoryIDs match the listed categories
// themselves (the service expands a category to its sub-tree).
type ProductFilter struct {
	Query       string  `json:"query"`
	CategoryIDs []int64 `json:"categoryIds"`
	OwnerIDs    []int64 `json:"ownerIds"`
	// Status is "" or "all", "active" or "retired".
	Status string `json:"status"`
	Sort   string `json:"sort"`
	Desc   bool   `json:"desc"`
}

// ProductSortColumns maps the product list's sort keys to SQL.
var ProductSortColumns = map[string]string{
	"code":      "p.code",
	"name":      "p.name",
	"price":     "p.price_cents",
	"category":  "p.category_id",
	"createdAt": "p.id",
	"updatedAt": "p.updated_at",
}

const productSelect = `SELECT p.id, p.code, p.name, p.category_id, COALESCE(k.name, '') AS category_name, p.unit,
	p.price_cents, p.owner_id, COALESCE(w.name, '') AS owner_name, p.active, p.description, p.created_at, p.updated_at
	FROM products p LEFT JOIN categories k ON k.id = p.category_id LEFT JOIN owners w ON w.id = p.owner_id`

func (f ProductFilter) where() where {
	var w where
	w.like(f.Query, "p.code", "p.name")
	w.ints("p.category_id", f.CategoryIDs)
	w.ints("p.owner_id", f.OwnerIDs)
	switch f.Status {
	case "active":
		w.add("p.active = 1")
	case "retired":
		w.add("p.active = 0")
	}
	return w
}

func (f ProductFilter) orderBy() string {
	return orderBy(ProductSortColumns, f.Sort, "code", f.Desc, "p.id")
}

// ListProducts returns one page of products and the total matching.
func ListProducts(ctx context.Context, q Querier, f ProductFilter, offset, limit int) ([]Product, int, error) {
	w := f.where()
	var total int
	if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM products p`+w.sql(), w.args...); err != nil {
		return nil, 0, fmt.Errorf("count products: %w", err)
	}
	out := []Product{}
	err := q.SelectContext(ctx, &out, productSelect+w.sql()+f.orderBy()+` LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list products: %w", err)
	}
	return out, total, nil
}

// EachProduct streams the products matching f in list order.
func EachProduct(ctx context.Context, q Querier, f ProductFilter, fn func(Product) error) error {
	w := f.where()
	return each(ctx, q, productSelect+w.sql()+f.orderBy(), w.args, func(scan func(any) error) error {
		var p Product
		if err := scan(&p); err != nil {
			return err
		}
		return fn(p)
	})
}

// each runs query and hands every row to fn, which scans it with StructScan.
func each(ctx context.Context, q Querier, query string, args []any, fn func(scan func(any) error) error) error {
	rows, err := q.QueryxContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.StructScan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// GetProduct returns one product or ErrNotFound.
func GetProduct(ctx context.Context, q Querier, id int64) (Product, error) {
	var p Product
	err := q.GetContext(ctx, &p, productSelect+` WHERE p.id = ?`, id)
	return p, notFound(err)
}

// ProductByCode returns the product with that code (case-insensitive) or ErrNotFound.
func ProductByCode(ctx context.Context, q Querier, code string) (Product, error) {
	var p Product
	err := q.GetContext(ctx, &p, productSelect+` WHERE p.code = ?`, code)
	return p, notFound(err)
}

// InsertProduct adds a product.
func InsertProduct(ctx context.Context, q Querier, p Product) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO products (code, name, category_id, unit, price_cents, owner_id, active,
		description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Code, p.Name, p.CategoryID, p.Unit, p.PriceCents, p.OwnerID, boolInt(p.Active), p.Description, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert product: %w", err)
	}
	return res.LastInsertId()
}

// UpdateProduct writes every editable field.
func UpdateProduct(ctx context.Context, q Querier, p Product) error {
	_, err := q.ExecContext(ctx, `UPDATE products SET code = ?, name = ?, category_id = ?, unit = ?, price_cents = ?,
		owner_id = ?, active = ?, description = ?, updated_at = ? WHERE id = ?`,
		p.Code, p.Name, p.CategoryID, p.Unit, p.PriceCents, p.OwnerID, boolInt(p.Active), p.Description, Now(), p.ID)
	if err != nil {
		return fmt.Errorf("update product: %w", err)
	}
	return nil
}

// ProductUsage counts the document lines (opportunity, quote and order) that
// name a product.
func ProductUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM opportunity_lines WHERE product_id = ?)
		+ (SELECT COUNT(*) FROM quote_lines WHERE product_id = ?) + (SELECT COUNT(*) FROM order_lines WHERE product_id = ?)`, id, id, id)
	return n, err
}

// DeleteProduct removes a product and its list prices.
func DeleteProduct(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM products WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete product: %w", err)
	}
	return nil
}

// CategorySubtree returns id and every category below it.
func CategorySubtree(ctx context.Context, q Querier, id int64) ([]int64, error) {
	out := []int64{}
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN down ON c.parent_id = down.id)
		SELECT id FROM down`, id)
	return out, err
}

// PriceList is a named list of prices (价格表).
type PriceList struct {
	ID        int64  `db:"id" json:"id"`
	Name      string `db:"name" json:"name"`
	Notes     string `db:"notes" json:"notes"`
	CreatedAt string `db:"created_at" json:"createdAt"`
	// Items counts its prices, Customers the customers given it.
	Items     int `db:"items" json:"items"`
	Customers int `db:"customers" json:"customers"`
}

const priceListSelect = `SELECT l.id, l.name, l.notes, l.created_at,
	(SELECT COUNT(*) FROM price_list_items i WHERE i.price_list_id = l.id) AS items,
	(SELECT COUNT(*) FROM customers c WHERE c.price_list_id = l.id) AS customers
	FROM price_lists l`

// ListPriceLists returns every price list by name.
func ListPriceLists(ctx context.Context, q Querier) ([]PriceList, error) {
	out := []PriceList{}
	err := q.SelectContext(ctx, &out, priceListSelect+` ORDER BY l.name`)
	return out, err
}

// GetPriceList returns one price list or ErrNotFound.
func GetPriceList(ctx context.Context, q Querier, id int64) (PriceList, error) {
	var l PriceList
	err := q.GetContext(ctx, &l, priceListSelect+` WHERE l.id = ?`, id)
	return l, notFound(err)
}

// PriceListByName returns the list with that name or ErrNotFound.
func PriceListByName(ctx context.Context, q Querier, name string) (PriceList, error) {
	var l PriceList
	err := q.GetContext(ctx, &l, priceListSelect+` WHERE l.name = ?`, name)
	return l, notFound(err)
}

// InsertPriceList adds a price list.
func InsertPriceList(ctx context.Context, q Querier, name, notes string) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO price_lists (name, notes, created_at) VALUES (?, ?, ?)`, name, notes, Now())
	if err != nil {
		return 0, fmt.Errorf("insert price list: %w", err)
	}
	return res.LastInsertId()
}

// UpdatePriceList renames a price list.
func UpdatePriceList(ctx context.Context, q Querier, id int64, name, notes string) error {
	_, err := q.ExecContext(ctx, `UPDATE price_lists SET name = ?, notes = ? WHERE id = ?`, name, notes, id)
	if err != nil {
		return fmt.Errorf("update price list: %w", err)
	}
	return nil
}

// DeletePriceList removes a price list with its prices.
func DeletePriceList(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM price_lists WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete price list: %w", err)
	}
	return nil
}

// PriceListItem is one product's price in a list, beside its standard price.
type PriceListItem struct {
	PriceListID        int64  `db:"price_list_id" json:"priceListId"`
	ProductID          int64  `db:"product_id" json:"productId"`
	ProductCode        string `db:"code" json:"productCode"`
	ProductName        string `db:"name" json:"productName"`
	Unit               string `db:"unit" json:"unit"`
	StandardPriceCents int64  `db:"standard_price_cents" json:"standardPriceCents"`
	PriceCents         int64  `db:"price_cents" json:"priceCents"`
	Active             bool   `db:"active" json:"active"`
}

const priceItemSelect = `SELECT i.price_list_id, i.product_id, p.code, p.name, p.unit, p.price_cents AS standard_price_cents,
	i.price_cents, p.active FROM price_list_items i JOIN products p ON p.id = i.product_id`

// ListPriceListItems returns a list's prices by product code.
func ListPriceListItems(ctx context.Context, q Querier, listID int64) ([]PriceListItem, error) {
	out := []PriceListItem{}
	err := q.SelectContext(ctx, &out, priceItemSelect+` WHERE i.price_list_id = ? ORDER BY p.code`, listID)
	return out, err
}

// ProductListPrices returns the list prices of one product.
func ProductListPrices(ctx context.Context, q Querier, productID int64) ([]PriceListItem, error) {
	out := []PriceListItem{}
	err := q.SelectContext(ctx, &out, priceItemSelect+` WHERE i.product_id = ? ORDER BY i.price_list_id`, productID)
	return out, err
}

// SetListPrice writes a product's price in a list.
func SetListPrice(ctx context.Context, q Querier, listID, productID, cents int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO price_list_items (price_list_id, product_id, price_cents) VALUES (?, ?, ?)
		ON CONFLICT (price_list_id, product_id) DO UPDATE SET price_cents = excluded.price_cents`, listID, productID, cents)
	if err != nil {
		return fmt.Errorf("set price: %w", err)
	}
	return nil
}

// RemoveListPrice takes a product out of a list.
func RemoveListPrice(ctx context.Context, q Querier, listID, productID int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM price_list_items WHERE price_list_id = ? AND product_id = ?`, listID, productID)
	if err != nil {
		return fmt.Errorf("remove price: %w", err)
	}
	return nil
}

// CustomerTerms are the commercial settings of a customer: its price list
// and credit (a nil limit is no limit).
type CustomerTerms struct {
	CustomerID       int64  `db:"id" json:"customerId"`
	CustomerName     string `db:"name" json:"customerName"`
	PriceListID      *int64 `db:"price_list_id" json:"priceListId"`
	PriceListName    string `db:"price_list_name" json:"priceListName"`
	CreditLimitCents *int64 `db:"credit_limit_cents" json:"creditLimitCents"`
	CreditDays       int    `db:"credit_days" json:"creditDays"`
}

// GetCustomerTerms returns a customer's price list and credit or ErrNotFound.
func GetCustomerTerms(ctx context.Context, q Querier, customerID int64) (CustomerTerms, error) {
	var t CustomerTerms
	err := q.GetContext(ctx, &t, `SELECT c.id, c.name, c.price_list_id, COALESCE(l.name, '') AS price_list_name,
		c.credit_limit_cents, c.credit_days FROM customers c LEFT JOIN price_lists l ON l.id = c.price_list_id WHERE c.id = ?`, customerID)
	return t, notFound(err)
}

// SetCustomerPriceList gives a customer a price list (nil: none).
func SetCustomerPriceList(ctx context.Context, q Querier, customerID int64, listID *int64) error {
	_, err := q.ExecContext(ctx, `UPDATE customers SET price_list_id = ?, updated_at = ? WHERE id = ?`, listID, Now(), customerID)
	if err != nil {
		return fmt.Errorf("set price list: %w", err)
	}
	return nil
}

// SetCustomerCredit writes a customer's credit limit (nil: none) and days.
func SetCustomerCredit(ctx context.Context, q Querier, customerID int64, limit *int64, days int) error {
	_, err := q.ExecContext(ctx, `UPDATE customers SET credit_limit_cents = ?, credit_days = ?, updated_at = ? WHERE id = ?`,
		limit, days, Now(), customerID)
	if err != nil {
		return fmt.Errorf("set credit: %w", err)
	}
	return nil
}

// ListPrice returns a product's price in a list; ok is false when the list
// has no price for it.
func ListPrice(ctx context.Context, q Querier, listID, productID int64) (cents int64, ok bool, err error) {
	var out []int64
	err = q.SelectContext(ctx, &out, `SELECT price_cents FROM price_list_items WHERE price_list_id = ? AND product_id = ?`, listID, productID)
	if err != nil || len(out) == 0 {
		return 0, false, err
	}
	return out[0], true, nil
}

// Line is a product line of an opportunity, a quote or an order. Code, name
// and unit are those of the product when the line was written.
type Line struct {
	ID             int64  `db:"id" json:"id"`
	Position       int    `db:"position" json:"position"`
	ProductID      int64  `db:"product_id" json:"productId"`
	ProductCode    string `db:"product_code" json:"productCode"`
	ProductName    string `db:"product_name" json:"productName"`
	Unit           string `db:"unit" json:"unit"`
	QtyMilli       int64  `db:"qty_milli" json:"qtyMilli"`
	UnitPriceCents int64  `db:"unit_price_cents" json:"unitPriceCents"`
	DiscountBP     int    `db:"discount_bp" json:"discountBp"`
	TotalCents     int64  `db:"total_cents" json:"totalCents"`
}

// lineTables are the tables holding lines, with their parent column.
var lineTables = map[string]string{
	"opportunity_lines": "opportunity_id",
	"quote_lines":       "quote_id",
	"order_lines":       "order_id",
}

const lineCols = `id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents`

func lineTable(table string) string {
	parent, ok := lineTables[table]
	if !ok {
		panic("store: no line table " + table)
	}
	return parent
}

// ListLines returns the lines of one document in order.
func ListLines(ctx context.Context, q Querier, table string, parentID int64) ([]Line, error) {
	parent := lineTable(table)
	out := []Line{}
	err := q.SelectContext(ctx, &out, `SELECT `+lineCols+` FROM `+table+` WHERE `+parent+` = ? ORDER BY position, id`, parentID)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", table, err)
	}
	return out, nil
}

// ReplaceLines deletes a document's lines and writes lines in their place,
// numbered from 1.
func ReplaceLines(ctx context.Context, q Querier, table string, parentID int64, lines []Line) error {
	parent := lineTable(table)
	if _, err := q.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+parent+` = ?`, parentID); err != nil {
		return fmt.Errorf("clear %s: %w", table, err)
	}
	return InsertLines(ctx, q, table, parentID, lines)
}

// InsertLines appends lines to a document, numbered from 1.
func InsertLines(ctx context.Context, q Querier, table string, parentID int64, lines []Line) error {
	if len(lines) == 0 {
		return nil
	}
	parent := lineTable(table)
	var b strings.Builder
	b.WriteString(`INSERT INTO ` + table + ` (` + parent + `, position, product_id, product_code, product_name, unit,
		qty_milli, unit_price_cents, discount_bp, total_cents) VALUES `)
	args := make([]any, 0, 10*len(lines))
	for i, l := range lines {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		args = append(args, parentID, i+1, l.ProductID, l.ProductCode, l.ProductName, l.Unit, l.QtyMilli,
			l.UnitPriceCents, l.DiscountBP, l.TotalCents)
	}
	if _, err := q.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("insert %s: %w", table, err)
	}
	return nil
}

// OpportunityLineState is whether an opportunity's amount follows its lines.
type OpportunityLineState struct {
	ID           int64  `db:"id"`
	CustomerID   int64  `db:"customer_id"`
	StageKind    string `db:"stage_kind"`
	AmountCents  int64  `db:"amount_cents"`
	FollowsLines bool   `db:"amount_follows_lines"`
}

// GetOpportunityLineState returns the fields of an opportunity the product
// lines concern, or ErrNotFound.
func GetOpportunityLineState(ctx context.Context, q Querier, id int64) (OpportunityLineState, error) {
	var s OpportunityLineState
	err := q.GetContext(ctx, &s, `SELECT o.id, o.customer_id, s.kind AS stage_kind, o.amount_cents, o.amount_follows_lines
		FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE o.id = ?`, id)
	return s, notFound(err)
}

// SetOpportunityFollowsLines turns the amount-follows-lines choice on or off;
// when on, the amount becomes amountCents (the lines' sum).
func SetOpportunityFollowsLines(ctx context.Context, q Querier, id int64, follows bool, amountCents int64) error {
	var err error
	if follows {
		_, err = q.ExecContext(ctx, `UPDATE opportunities SET amount_follows_lines = 1, amount_cents = ?, updated_at = ? WHERE id = ?`,
			amountCents, Now(), id)
	} else {
		_, err = q.ExecContext(ctx, `UPDATE opportunities SET amount_follows_lines = 0, updated_at = ? WHERE id = ?`, Now(), id)
	}
	if err != nil {
		return fmt.Errorf("opportunity amount: %w", err)
	}
	return nil
}
