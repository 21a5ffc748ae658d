-- Sales orders (合同订单) with their payment plan (回款计划), receipts (回款),
-- invoices (开票) and returns (退货单).
--
-- The money columns of orders are kept by the store in the transaction that
-- changes their sources (lines, returns, receipts, invoices):
--   total − returned = net; outstanding = max(net − received, 0).
-- status: active (执行中), completed (已完成: nothing outstanding), voided
-- (已作废: kept, never deleted, counted nowhere).
CREATE TABLE orders (
    id                INTEGER PRIMARY KEY,
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
);
CREATE INDEX orders_signed ON orders(signed_date);
CREATE INDEX orders_customer ON orders(customer_id, signed_date);
CREATE INDEX orders_owner ON orders(owner_id, signed_date);
CREATE INDEX orders_status ON orders(status, signed_date);
CREATE INDEX orders_quote ON orders(quote_id);
CREATE INDEX orders_opportunity ON orders(opportunity_id);
-- Credit control sums what each customer still owes.
CREATE INDEX orders_customer_outstanding ON orders(customer_id, status, outstanding_cents);

-- returned_* follow the returns of the line, in the same transaction.
CREATE TABLE order_lines (
    id                 INTEGER PRIMARY KEY,
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
CREATE INDEX order_lines_order ON order_lines(order_id, position);
CREATE INDEX order_lines_product ON order_lines(product_id);

-- Installments of the payment plan. customer_id and voided repeat the
-- order's so the receivables report reads this one table; received_cents
-- follows the receipts. Amounts never go below what was received.
CREATE TABLE installments (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX installments_order ON installments(order_id, seq);
CREATE INDEX installments_customer ON installments(voided, customer_id, due_date, amount_cents, received_cents);
CREATE INDEX installments_owner ON installments(voided, owner_id, due_date, amount_cents, received_cents);
CREATE INDEX installments_unpaid_due ON installments(due_date, order_id) WHERE received_cents < amount_cents AND voided = 0;

CREATE TABLE receipts (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX receipts_date ON receipts(date);
CREATE INDEX receipts_order ON receipts(order_id);
CREATE INDEX receipts_installment ON receipts(installment_id);
CREATE INDEX receipts_customer ON receipts(customer_id, date);
CREATE INDEX receipts_owner ON receipts(owner_id, date);

CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL UNIQUE,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    date         TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    kind         TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
CREATE INDEX invoices_date ON invoices(date);
CREATE INDEX invoices_order ON invoices(order_id);
CREATE INDEX invoices_customer ON invoices(customer_id, date);

CREATE TABLE returns (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL UNIQUE,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    date         TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    created_at   TEXT    NOT NULL
);
CREATE INDEX returns_order ON returns(order_id);

CREATE TABLE return_lines (
    id            INTEGER PRIMARY KEY,
    return_id     INTEGER NOT NULL REFERENCES returns(id),
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
    qty_milli     INTEGER NOT NULL CHECK (qty_milli > 0),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX return_lines_return ON return_lines(return_id);
