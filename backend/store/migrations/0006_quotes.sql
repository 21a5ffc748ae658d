-- Quotes (报价单). status: open (开立) → approved (已审核) ⇄ back to open
-- (弃审); closed (关闭) from open or approved, and final.
CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX quotes_date ON quotes(quote_date);
CREATE INDEX quotes_customer ON quotes(customer_id, quote_date);
CREATE INDEX quotes_owner ON quotes(owner_id, quote_date);
CREATE INDEX quotes_status ON quotes(status, quote_date);
CREATE INDEX quotes_opportunity ON quotes(opportunity_id);

CREATE TABLE quote_lines (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX quote_lines_quote ON quote_lines(quote_id, position);
CREATE INDEX quote_lines_product ON quote_lines(product_id);
