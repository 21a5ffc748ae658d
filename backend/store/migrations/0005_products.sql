-- Products (产品), their category tree, price lists (价格表) and the product
-- lines of opportunities. Quantities are fixed-point integers in thousandths
-- (qty_milli: 1.5 units = 1500); money is integer cents; discounts are basis
-- points (12.5% = 1250). A line's total is
--   round-half-up(qty_milli × unit_price_cents × (10000 − discount_bp) / 10^7).

-- Categories form a tree through parent_id (NULL = top level). Sibling names
-- are unique.
CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    parent_id  INTEGER REFERENCES categories(id),
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX categories_sibling_name ON categories(COALESCE(parent_id, 0), name);
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    name        TEXT    NOT NULL,
    category_id INTEGER REFERENCES categories(id),
    unit        TEXT    NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    owner_id    INTEGER REFERENCES owners(id),
    active      INTEGER NOT NULL DEFAULT 1,
    description TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_name ON products(name);
CREATE INDEX products_owner ON products(owner_id);

CREATE TABLE price_lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE price_list_items (
    price_list_id INTEGER NOT NULL REFERENCES price_lists(id) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
    PRIMARY KEY (price_list_id, product_id)
) WITHOUT ROWID;
CREATE INDEX price_list_items_product ON price_list_items(product_id);

-- A customer's price list, and its credit terms (信用控制): a NULL limit is
-- no limit; credit days give the default due date of an order's payment.
ALTER TABLE customers ADD COLUMN price_list_id INTEGER REFERENCES price_lists(id);
ALTER TABLE customers ADD COLUMN credit_limit_cents INTEGER CHECK (credit_limit_cents IS NULL OR credit_limit_cents >= 0);
ALTER TABLE customers ADD COLUMN credit_days INTEGER NOT NULL DEFAULT 0 CHECK (credit_days >= 0);
CREATE INDEX customers_price_list ON customers(price_list_id);

-- Product lines of an opportunity. Product code, name and unit are copied
-- onto every document line so what was quoted never changes afterwards.
CREATE TABLE opportunity_lines (
    id               INTEGER PRIMARY KEY,
    opportunity_id   INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    product_id       INTEGER NOT NULL REFERENCES products(id),
    product_code     TEXT    NOT NULL,
    product_name     TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    qty_milli        INTEGER NOT NULL CHECK (qty_milli > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    discount_bp      INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    total_cents      INTEGER NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX opportunity_lines_opportunity ON opportunity_lines(opportunity_id, position);
CREATE INDEX opportunity_lines_product ON opportunity_lines(product_id);

-- When set, the opportunity's amount is the sum of its lines.
ALTER TABLE opportunities ADD COLUMN amount_follows_lines INTEGER NOT NULL DEFAULT 0;

-- The opportunity form edits amount_cents without knowing about lines; while
-- the amount follows the lines, the sum of the lines wins whatever it writes.
CREATE TRIGGER opportunities_amount_follows_lines
AFTER UPDATE OF amount_cents, amount_follows_lines ON opportunities
WHEN NEW.amount_follows_lines = 1
BEGIN
    UPDATE opportunities
       SET amount_cents = (SELECT COALESCE(SUM(total_cents), 0) FROM opportunity_lines WHERE opportunity_id = NEW.id)
     WHERE id = NEW.id;
END;
