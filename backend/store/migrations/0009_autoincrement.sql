-- migrate: foreign_keys off
-- Ids are never handed out again once used: AUTOINCREMENT on every table
-- with an id, so that a deleted customer's number is not the next one's
-- (imports, history and the user's own notes refer to ids). SQLite cannot
-- add AUTOINCREMENT to a table: each one is rebuilt by the 12-step ALTER
-- procedure (https://sqlite.org/lang_altertable.html#otheralter), keeping
-- every column, constraint, index and trigger. The migration runs with
-- foreign keys off (dropping a table would otherwise cascade) and must pass
-- foreign_key_check before it commits (store.apply).

-- Triggers name other tables; dropped first so that no rename meets one
-- whose table is briefly missing, and recreated at the end.
DROP TRIGGER opportunities_amount_follows_lines;

-- owners
CREATE TABLE new_owners (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT    NOT NULL
);
INSERT INTO new_owners (id, name, active, created_at)
    SELECT id, name, active, created_at FROM owners;
DROP TABLE owners;
ALTER TABLE new_owners RENAME TO owners;

-- stages
CREATE TABLE new_stages (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL UNIQUE,
    position       INTEGER NOT NULL,
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    kind           TEXT    NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
    retired        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_stages (id, name, position, probability_bp, kind, retired)
    SELECT id, name, position, probability_bp, kind, retired FROM stages;
DROP TABLE stages;
ALTER TABLE new_stages RENAME TO stages;
CREATE UNIQUE INDEX stages_one_won_one_lost ON stages(kind) WHERE kind <> 'open';

-- customers
CREATE TABLE new_customers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL,
    classification TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    industry       TEXT    NOT NULL DEFAULT '',
    phone          TEXT    NOT NULL DEFAULT '',
    address        TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES owners(id),
    notes          TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
, price_list_id INTEGER REFERENCES price_lists(id), credit_limit_cents INTEGER CHECK (credit_limit_cents IS NULL OR credit_limit_cents >= 0), credit_days INTEGER NOT NULL DEFAULT 0 CHECK (credit_days >= 0));
INSERT INTO new_customers (id, name, classification, source, industry, phone, address, owner_id, notes, created_at, updated_at, price_list_id, credit_limit_cents, credit_days)
    SELECT id, name, classification, source, industry, phone, address, owner_id, notes, created_at, updated_at, price_list_id, credit_limit_cents, credit_days FROM customers;
DROP TABLE customers;
ALTER TABLE new_customers RENAME TO customers;
CREATE INDEX customers_name ON customers(name);
CREATE INDEX customers_owner ON customers(owner_id);
CREATE INDEX customers_price_list ON customers(price_list_id);

-- contacts
CREATE TABLE new_contacts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT ''
);
INSERT INTO new_contacts (id, customer_id, name, title, phone, email)
    SELECT id, customer_id, name, title, phone, email FROM contacts;
DROP TABLE contacts;
ALTER TABLE new_contacts RENAME TO contacts;
CREATE INDEX contacts_customer ON contacts(customer_id);

-- followups
CREATE TABLE new_followups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    date        TEXT    NOT NULL,
    method      TEXT    NOT NULL DEFAULT '',
    content     TEXT    NOT NULL,
    next_date   TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
INSERT INTO new_followups (id, customer_id, date, method, content, next_date, created_at)
    SELECT id, customer_id, date, method, content, next_date, created_at FROM followups;
DROP TABLE followups;
ALTER TABLE new_followups RENAME TO followups;
CREATE INDEX followups_customer ON followups(customer_id, date);

-- opportunities
CREATE TABLE new_opportunities (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    type           TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER NOT NULL REFERENCES owners(id),
    campaign       TEXT    NOT NULL DEFAULT '',
    amount_cents   INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    expected_close TEXT    NOT NULL DEFAULT '',
    next_step      TEXT    NOT NULL DEFAULT '',
    stage_id       INTEGER NOT NULL REFERENCES stages(id),
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    description    TEXT    NOT NULL DEFAULT '',
    lost_reason    TEXT    NOT NULL DEFAULT '',
    competitor     TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
, amount_follows_lines INTEGER NOT NULL DEFAULT 0);
INSERT INTO new_opportunities (id, name, customer_id, type, source, owner_id, campaign, amount_cents, expected_close, next_step, stage_id, probability_bp, description, lost_reason, competitor, created_at, updated_at, amount_follows_lines)
    SELECT id, name, customer_id, type, source, owner_id, campaign, amount_cents, expected_close, next_step, stage_id, probability_bp, description, lost_reason, competitor, created_at, updated_at, amount_follows_lines FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE new_opportunities RENAME TO opportunities;
CREATE INDEX opportunities_customer ON opportunities(customer_id);
CREATE INDEX opportunities_stage_cover
    ON opportunities(stage_id, expected_close, id, amount_cents, probability_bp, owner_id, source, type);
CREATE INDEX opportunities_owner_cover
    ON opportunities(owner_id, expected_close, id, stage_id, amount_cents, probability_bp, source, type);
CREATE INDEX opportunities_stage ON opportunities(stage_id);
CREATE INDEX opportunities_amount ON opportunities(amount_cents);
CREATE INDEX opportunities_probability ON opportunities(probability_bp);
CREATE INDEX opportunities_updated ON opportunities(updated_at);
CREATE INDEX opportunities_name ON opportunities(name, customer_id);
CREATE INDEX opportunities_source ON opportunities(source);
CREATE INDEX opportunities_type ON opportunities(type);

-- stage_history
CREATE TABLE new_stage_history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    from_stage_id  INTEGER REFERENCES stages(id),
    to_stage_id    INTEGER NOT NULL REFERENCES stages(id),
    changed_at     TEXT    NOT NULL
);
INSERT INTO new_stage_history (id, opportunity_id, from_stage_id, to_stage_id, changed_at)
    SELECT id, opportunity_id, from_stage_id, to_stage_id, changed_at FROM stage_history;
DROP TABLE stage_history;
ALTER TABLE new_stage_history RENAME TO stage_history;
CREATE INDEX stage_history_opportunity ON stage_history(opportunity_id, id);

-- saved_views
CREATE TABLE new_saved_views (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    filter_json TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO new_saved_views (id, name, filter_json, created_at)
    SELECT id, name, filter_json, created_at FROM saved_views;
DROP TABLE saved_views;
ALTER TABLE new_saved_views RENAME TO saved_views;

-- categories
CREATE TABLE new_categories (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    parent_id  INTEGER REFERENCES categories(id),
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL
);
INSERT INTO new_categories (id, name, parent_id, position, created_at)
    SELECT id, name, parent_id, position, created_at FROM categories;
DROP TABLE categories;
ALTER TABLE new_categories RENAME TO categories;
CREATE UNIQUE INDEX categories_sibling_name ON categories(COALESCE(parent_id, 0), name);
CREATE INDEX categories_parent ON categories(parent_id);

-- products
CREATE TABLE new_products (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_products (id, code, name, category_id, unit, price_cents, owner_id, active, description, created_at, updated_at)
    SELECT id, code, name, category_id, unit, price_cents, owner_id, active, description, created_at, updated_at FROM products;
DROP TABLE products;
ALTER TABLE new_products RENAME TO products;
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_name ON products(name);
CREATE INDEX products_owner ON products(owner_id);

-- price_lists
CREATE TABLE new_price_lists (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO new_price_lists (id, name, notes, created_at)
    SELECT id, name, notes, created_at FROM price_lists;
DROP TABLE price_lists;
ALTER TABLE new_price_lists RENAME TO price_lists;

-- opportunity_lines
CREATE TABLE new_opportunity_lines (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_opportunity_lines (id, opportunity_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents)
    SELECT id, opportunity_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents FROM opportunity_lines;
DROP TABLE opportunity_lines;
ALTER TABLE new_opportunity_lines RENAME TO opportunity_lines;
CREATE INDEX opportunity_lines_opportunity ON opportunity_lines(opportunity_id, position);
CREATE INDEX opportunity_lines_product ON opportunity_lines(product_id);

-- quotes
CREATE TABLE new_quotes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    number         TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL DEFAULT '',
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    owner_id       INTEGER NOT NULL REFERENCES owners(id),
    status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'closed')),
    quote_date     TEXT    NOT NULL,
    valid_until    TEXT    NOT NULL DEFAULT '',
    terms          TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT '',
    total_cents    INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    approved_at    TEXT    NOT NULL DEFAULT '',
    closed_at      TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
INSERT INTO new_quotes (id, number, title, customer_id, opportunity_id, owner_id, status, quote_date, valid_until, terms, notes, total_cents, approved_at, closed_at, created_at, updated_at)
    SELECT id, number, title, customer_id, opportunity_id, owner_id, status, quote_date, valid_until, terms, notes, total_cents, approved_at, closed_at, created_at, updated_at FROM quotes;
DROP TABLE quotes;
ALTER TABLE new_quotes RENAME TO quotes;
CREATE INDEX quotes_customer ON quotes(customer_id, quote_date);
CREATE INDEX quotes_owner ON quotes(owner_id, quote_date);
CREATE INDEX quotes_status ON quotes(status, quote_date);
CREATE INDEX quotes_date ON quotes(quote_date, id, number, title, customer_id);
CREATE INDEX quotes_opportunity ON quotes(opportunity_id) WHERE opportunity_id IS NOT NULL;

-- quote_lines
CREATE TABLE new_quote_lines (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id         INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
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
INSERT INTO new_quote_lines (id, quote_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents)
    SELECT id, quote_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents FROM quote_lines;
DROP TABLE quote_lines;
ALTER TABLE new_quote_lines RENAME TO quote_lines;
CREATE INDEX quote_lines_quote ON quote_lines(quote_id, position);
CREATE INDEX quote_lines_product ON quote_lines(product_id);

-- orders
CREATE TABLE new_orders (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    number            TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL DEFAULT '',
    customer_id       INTEGER NOT NULL REFERENCES customers(id),
    opportunity_id    INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    quote_id          INTEGER REFERENCES quotes(id),
    owner_id          INTEGER NOT NULL REFERENCES owners(id),
    signed_date       TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'voided')),
    total_cents       INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    returned_cents    INTEGER NOT NULL DEFAULT 0 CHECK (returned_cents >= 0),
    received_cents    INTEGER NOT NULL DEFAULT 0 CHECK (received_cents >= 0),
    invoiced_cents    INTEGER NOT NULL DEFAULT 0 CHECK (invoiced_cents >= 0),
    outstanding_cents INTEGER NOT NULL DEFAULT 0 CHECK (outstanding_cents >= 0),
    notes             TEXT    NOT NULL DEFAULT '',
    void_reason       TEXT    NOT NULL DEFAULT '',
    voided_at         TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
, next_due_date TEXT);
INSERT INTO new_orders (id, number, title, customer_id, opportunity_id, quote_id, owner_id, signed_date, status, total_cents, returned_cents, received_cents, invoiced_cents, outstanding_cents, notes, void_reason, voided_at, created_at, updated_at, next_due_date)
    SELECT id, number, title, customer_id, opportunity_id, quote_id, owner_id, signed_date, status, total_cents, returned_cents, received_cents, invoiced_cents, outstanding_cents, notes, void_reason, voided_at, created_at, updated_at, next_due_date FROM orders;
DROP TABLE orders;
ALTER TABLE new_orders RENAME TO orders;
CREATE INDEX orders_customer ON orders(customer_id, signed_date);
CREATE INDEX orders_owner ON orders(owner_id, signed_date);
CREATE INDEX orders_status ON orders(status, signed_date);
CREATE INDEX orders_signed ON orders(signed_date, id, number, title, customer_id, status, owner_id);
CREATE INDEX orders_quote ON orders(quote_id) WHERE quote_id IS NOT NULL;
CREATE INDEX orders_opportunity ON orders(opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX orders_next_due ON orders(next_due_date, signed_date) WHERE next_due_date IS NOT NULL;
CREATE INDEX orders_customer_money ON orders(customer_id, status, outstanding_cents, total_cents, returned_cents, received_cents);

-- order_lines
CREATE TABLE new_order_lines (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id           INTEGER NOT NULL REFERENCES orders(id),
    position           INTEGER NOT NULL,
    product_id         INTEGER NOT NULL REFERENCES products(id),
    product_code       TEXT    NOT NULL,
    product_name       TEXT    NOT NULL,
    unit               TEXT    NOT NULL,
    qty_milli          INTEGER NOT NULL CHECK (qty_milli > 0),
    unit_price_cents   INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    discount_bp        INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    total_cents        INTEGER NOT NULL CHECK (total_cents >= 0),
    returned_qty_milli INTEGER NOT NULL DEFAULT 0 CHECK (returned_qty_milli BETWEEN 0 AND qty_milli),
    returned_cents     INTEGER NOT NULL DEFAULT 0 CHECK (returned_cents BETWEEN 0 AND total_cents)
);
INSERT INTO new_order_lines (id, order_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents, returned_qty_milli, returned_cents)
    SELECT id, order_id, position, product_id, product_code, product_name, unit, qty_milli, unit_price_cents, discount_bp, total_cents, returned_qty_milli, returned_cents FROM order_lines;
DROP TABLE order_lines;
ALTER TABLE new_order_lines RENAME TO order_lines;
CREATE INDEX order_lines_product ON order_lines(product_id);
CREATE INDEX order_lines_order ON order_lines(order_id, position, product_id, qty_milli, returned_qty_milli,
    total_cents, returned_cents);

-- installments
CREATE TABLE new_installments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id       INTEGER NOT NULL REFERENCES orders(id),
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    seq            INTEGER NOT NULL,
    due_date       TEXT    NOT NULL,
    amount_cents   INTEGER NOT NULL CHECK (amount_cents >= 0),
    received_cents INTEGER NOT NULL DEFAULT 0 CHECK (received_cents BETWEEN 0 AND amount_cents),
    owner_id       INTEGER NOT NULL REFERENCES owners(id),
    note           TEXT    NOT NULL DEFAULT '',
    voided         INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_installments (id, order_id, customer_id, seq, due_date, amount_cents, received_cents, owner_id, note, voided)
    SELECT id, order_id, customer_id, seq, due_date, amount_cents, received_cents, owner_id, note, voided FROM installments;
DROP TABLE installments;
ALTER TABLE new_installments RENAME TO installments;
CREATE INDEX installments_order ON installments(order_id, seq);
CREATE INDEX installments_customer ON installments(voided, customer_id, due_date, amount_cents, received_cents);
CREATE INDEX installments_unpaid ON installments(due_date, customer_id, owner_id, amount_cents, received_cents)
    WHERE received_cents < amount_cents AND voided = 0;
CREATE INDEX installments_due ON installments(due_date, voided, customer_id, owner_id, amount_cents, received_cents);
CREATE INDEX installments_owner ON installments(voided, owner_id, due_date, customer_id, amount_cents, received_cents);

-- receipts
CREATE TABLE new_receipts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    number         TEXT    NOT NULL UNIQUE,
    order_id       INTEGER NOT NULL REFERENCES orders(id),
    installment_id INTEGER NOT NULL REFERENCES installments(id),
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    owner_id       INTEGER NOT NULL REFERENCES owners(id),
    date           TEXT    NOT NULL,
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    method         TEXT    NOT NULL DEFAULT '',
    note           TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL
);
INSERT INTO new_receipts (id, number, order_id, installment_id, customer_id, owner_id, date, amount_cents, method, note, created_at)
    SELECT id, number, order_id, installment_id, customer_id, owner_id, date, amount_cents, method, note, created_at FROM receipts;
DROP TABLE receipts;
ALTER TABLE new_receipts RENAME TO receipts;
CREATE INDEX receipts_order ON receipts(order_id);
CREATE INDEX receipts_installment ON receipts(installment_id);
CREATE INDEX receipts_customer ON receipts(customer_id, date);
CREATE INDEX receipts_owner ON receipts(owner_id, date);
CREATE INDEX receipts_date ON receipts(date, id, number, order_id, customer_id);

-- invoices
CREATE TABLE new_invoices (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    number       TEXT    NOT NULL UNIQUE,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    date         TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    kind         TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
INSERT INTO new_invoices (id, number, order_id, customer_id, date, amount_cents, kind, note, created_at)
    SELECT id, number, order_id, customer_id, date, amount_cents, kind, note, created_at FROM invoices;
DROP TABLE invoices;
ALTER TABLE new_invoices RENAME TO invoices;
CREATE INDEX invoices_order ON invoices(order_id);
CREATE INDEX invoices_customer ON invoices(customer_id, date);
CREATE INDEX invoices_date ON invoices(date, id, number, order_id, customer_id);

-- returns
CREATE TABLE new_returns (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    number       TEXT    NOT NULL UNIQUE,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    date         TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    created_at   TEXT    NOT NULL
);
INSERT INTO new_returns (id, number, order_id, date, reason, amount_cents, created_at)
    SELECT id, number, order_id, date, reason, amount_cents, created_at FROM returns;
DROP TABLE returns;
ALTER TABLE new_returns RENAME TO returns;
CREATE INDEX returns_order ON returns(order_id);

-- return_lines
CREATE TABLE new_return_lines (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    return_id     INTEGER NOT NULL REFERENCES returns(id),
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
    qty_milli     INTEGER NOT NULL CHECK (qty_milli > 0),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0)
);
INSERT INTO new_return_lines (id, return_id, order_line_id, qty_milli, amount_cents)
    SELECT id, return_id, order_line_id, qty_milli, amount_cents FROM return_lines;
DROP TABLE return_lines;
ALTER TABLE new_return_lines RENAME TO return_lines;
CREATE INDEX return_lines_return ON return_lines(return_id);

CREATE TRIGGER opportunities_amount_follows_lines
AFTER UPDATE OF amount_cents, amount_follows_lines ON opportunities
WHEN NEW.amount_follows_lines = 1
BEGIN
    UPDATE opportunities
       SET amount_cents = (SELECT COALESCE(SUM(total_cents), 0) FROM opportunity_lines WHERE opportunity_id = NEW.id)
     WHERE id = NEW.id;
END;
