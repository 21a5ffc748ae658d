-- Indexes measured against 100,000 orders (bench/orders, bench/ORDERS.md).
--
-- The list pages walk the date index newest first; with the searched columns
-- in it, a text search never touches the table rows it rejects (and product
-- sales find an order's status and owner in it too).
DROP INDEX orders_signed;
CREATE INDEX orders_signed ON orders(signed_date, id, number, title, customer_id, status, owner_id);
DROP INDEX quotes_date;
CREATE INDEX quotes_date ON quotes(quote_date, id, number, title, customer_id);
DROP INDEX receipts_date;
CREATE INDEX receipts_date ON receipts(date, id, number, order_id, customer_id);
DROP INDEX invoices_date;
CREATE INDEX invoices_date ON invoices(date, id, number, order_id, customer_id);

-- Mostly NULL columns: partial indexes keep the planner's estimates honest
-- (after ANALYZE a plain index on them looks useless and the quote list
-- scanned every order per row).
DROP INDEX orders_quote;
CREATE INDEX orders_quote ON orders(quote_id) WHERE quote_id IS NOT NULL;
DROP INDEX orders_opportunity;
CREATE INDEX orders_opportunity ON orders(opportunity_id) WHERE opportunity_id IS NOT NULL;
DROP INDEX quotes_opportunity;
CREATE INDEX quotes_opportunity ON quotes(opportunity_id) WHERE opportunity_id IS NOT NULL;

-- Product sales read order lines without touching their rows.
DROP INDEX order_lines_order;
CREATE INDEX order_lines_order ON order_lines(order_id, position, product_id, qty_milli, returned_qty_milli,
    total_cents, returned_cents);

-- The earliest due date still unpaid (NULL when nothing is, or voided), kept
-- by the store with the other figures: an order is overdue when it is
-- before today.
ALTER TABLE orders ADD COLUMN next_due_date TEXT;
UPDATE orders SET next_due_date = (SELECT MIN(due_date) FROM installments i
    WHERE i.order_id = orders.id AND i.received_cents < i.amount_cents) WHERE status <> 'voided';
CREATE INDEX orders_next_due ON orders(next_due_date, signed_date) WHERE next_due_date IS NOT NULL;

-- Receivables per customer: the money of each order, and the installments
-- still unpaid (for what is overdue).
DROP INDEX orders_customer_outstanding;
CREATE INDEX orders_customer_money ON orders(customer_id, status, outstanding_cents, total_cents, returned_cents, received_cents);
DROP INDEX installments_unpaid_due;
CREATE INDEX installments_unpaid ON installments(due_date, customer_id, owner_id, amount_cents, received_cents)
    WHERE received_cents < amount_cents AND voided = 0;
-- With a due-date range or owners chosen the report reads installments;
-- these cover its columns.
CREATE INDEX installments_due ON installments(due_date, voided, customer_id, owner_id, amount_cents, received_cents);
DROP INDEX installments_owner;
CREATE INDEX installments_owner ON installments(voided, owner_id, due_date, customer_id, amount_cents, received_cents);
