-- Kept counts (issue 15, every screen call within 20 ms at scale): open
-- tasks per assignee and day, a ranked index for 分析 by customer, and
-- leads per month for the conversion report.

-- Open tasks counted per assignee and due day ('' for none), kept by the
-- triggers below: the 工作台's overdue and today's counts and the manager's
-- loads (销售任务) read a few thousand of these rows instead of counting
-- the open tasks themselves (165,000 overdue of 500,000 took 21 ms a count).
-- Tasks have no import; every write goes through these triggers. A rebuild
-- of the tasks table must create them again.
CREATE TABLE task_due_counts (
    assignee_id INTEGER NOT NULL,
    due_date    TEXT    NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (assignee_id, due_date)
) WITHOUT ROWID;
-- The company's counts over a range of days.
CREATE INDEX task_due_counts_day ON task_due_counts(due_date, n);
-- The 工作台's lists of open tasks are by date, then time: without the time
-- in an index, the first 20 overdue sorted all of the earliest day's tasks
-- read from the table (1,800 at 500,000 tasks: 28 ms).
CREATE INDEX tasks_open_due_time ON tasks(due_date, due_time, id) WHERE status IN ('todo', 'doing');

INSERT INTO task_due_counts (assignee_id, due_date, n)
    SELECT assignee_id, due_date, COUNT(*) FROM tasks WHERE status IN ('todo', 'doing') GROUP BY assignee_id, due_date;

CREATE TRIGGER task_due_counts_insert AFTER INSERT ON tasks WHEN NEW.status IN ('todo', 'doing') BEGIN
    INSERT INTO task_due_counts (assignee_id, due_date, n) VALUES (NEW.assignee_id, NEW.due_date, 1)
        ON CONFLICT (assignee_id, due_date) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER task_due_counts_delete AFTER DELETE ON tasks WHEN OLD.status IN ('todo', 'doing') BEGIN
    UPDATE task_due_counts SET n = n - 1 WHERE assignee_id = OLD.assignee_id AND due_date = OLD.due_date;
END;

CREATE TRIGGER task_due_counts_update AFTER UPDATE OF status, due_date, assignee_id ON tasks
WHEN (OLD.status IN ('todo', 'doing')) <> (NEW.status IN ('todo', 'doing')) OR OLD.due_date IS NOT NEW.due_date
    OR OLD.assignee_id IS NOT NEW.assignee_id BEGIN
    UPDATE task_due_counts SET n = n - 1
        WHERE OLD.status IN ('todo', 'doing') AND assignee_id = OLD.assignee_id AND due_date = OLD.due_date;
    INSERT INTO task_due_counts (assignee_id, due_date, n) SELECT NEW.assignee_id, NEW.due_date, 1
        WHERE NEW.status IN ('todo', 'doing')
        ON CONFLICT (assignee_id, due_date) DO UPDATE SET n = n + 1;
END;

-- 分析 by customer for the company's calendar year (the screen's default):
-- the first 200 customers by amount in order, and how many have any,
-- from this index instead of sorting every customer's row of the year
-- (130,000 customers: 93 ms). Same order as store.KeptCustomers; won_n and
-- lost_n make the count covering.
CREATE INDEX analysis_customer_year_rank ON analysis_customer_year(year, amount + won_amount DESC, n DESC, CAST(customer_id AS TEXT),
    won_n, lost_n) WHERE n <> 0 OR won_n <> 0 OR lost_n <> 0;

-- Leads per month of creation, source, owner (0 for none) and status,
-- kept by the triggers below: the conversion report (线索转化率) sums a
-- year from these rows and counts only the days of partial months from
-- leads_report (100,000 leads of a year: 22 ms counted, with a sort).
-- The lead import leaves the triggers on (one small upsert a lead).
CREATE TABLE lead_month_counts (
    month    TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    owner_id INTEGER NOT NULL,
    status   TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (month, source, owner_id, status)
) WITHOUT ROWID;

INSERT INTO lead_month_counts (month, source, owner_id, status, n)
    SELECT substr(created_day, 1, 7), source, COALESCE(owner_id, 0), status, COUNT(*) FROM leads GROUP BY 1, 2, 3, 4;

CREATE TRIGGER lead_month_counts_insert AFTER INSERT ON leads BEGIN
    INSERT INTO lead_month_counts (month, source, owner_id, status, n)
        VALUES (substr(NEW.created_day, 1, 7), NEW.source, COALESCE(NEW.owner_id, 0), NEW.status, 1)
        ON CONFLICT (month, source, owner_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER lead_month_counts_delete AFTER DELETE ON leads BEGIN
    UPDATE lead_month_counts SET n = n - 1 WHERE month = substr(OLD.created_day, 1, 7) AND source = OLD.source
        AND owner_id = COALESCE(OLD.owner_id, 0) AND status = OLD.status;
END;

CREATE TRIGGER lead_month_counts_update AFTER UPDATE OF created_day, source, owner_id, status ON leads
WHEN substr(OLD.created_day, 1, 7) IS NOT substr(NEW.created_day, 1, 7) OR OLD.source IS NOT NEW.source
    OR OLD.owner_id IS NOT NEW.owner_id OR OLD.status IS NOT NEW.status BEGIN
    UPDATE lead_month_counts SET n = n - 1 WHERE month = substr(OLD.created_day, 1, 7) AND source = OLD.source
        AND owner_id = COALESCE(OLD.owner_id, 0) AND status = OLD.status;
    INSERT INTO lead_month_counts (month, source, owner_id, status, n)
        VALUES (substr(NEW.created_day, 1, 7), NEW.source, COALESCE(NEW.owner_id, 0), NEW.status, 1)
        ON CONFLICT (month, source, owner_id, status) DO UPDATE SET n = n + 1;
END;

-- Order lines of orders not voided, net of returns, summed per signing
-- month, product and owner, kept by the triggers below: the product sales
-- report (产品销售) sums twelve months from these rows instead of joining
-- every order line of them (150,000 lines at 100,000 orders: 115 ms).
-- lines counts the order lines in a cell, so a cell whose lines all went
-- (voided, deleted) is not reported. Orders have no import.
CREATE TABLE product_month_sales (
    month      TEXT    NOT NULL,
    product_id INTEGER NOT NULL,
    owner_id   INTEGER NOT NULL,
    lines      INTEGER NOT NULL,
    qty        INTEGER NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (month, product_id, owner_id)
) WITHOUT ROWID;

INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
    SELECT substr(o.signed_date, 1, 7), l.product_id, o.owner_id, COUNT(*), SUM(l.qty_milli - l.returned_qty_milli),
        SUM(l.total_cents - l.returned_cents)
    FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'voided' GROUP BY 1, 2, 3;

CREATE TRIGGER product_month_sales_line_insert AFTER INSERT ON order_lines BEGIN
    INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
        SELECT substr(o.signed_date, 1, 7), NEW.product_id, o.owner_id, 1, NEW.qty_milli - NEW.returned_qty_milli,
            NEW.total_cents - NEW.returned_cents FROM orders o WHERE o.id = NEW.order_id AND o.status <> 'voided'
        ON CONFLICT (month, product_id, owner_id) DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty,
            amount = amount + excluded.amount;
END;

CREATE TRIGGER product_month_sales_line_delete AFTER DELETE ON order_lines BEGIN
    UPDATE product_month_sales SET lines = lines - 1, qty = qty - (OLD.qty_milli - OLD.returned_qty_milli),
        amount = amount - (OLD.total_cents - OLD.returned_cents)
    WHERE (month, product_id, owner_id) = (SELECT substr(o.signed_date, 1, 7), OLD.product_id, o.owner_id
        FROM orders o WHERE o.id = OLD.order_id AND o.status <> 'voided');
END;

CREATE TRIGGER product_month_sales_line_update AFTER UPDATE OF order_id, product_id, qty_milli, returned_qty_milli,
    total_cents, returned_cents ON order_lines BEGIN
    UPDATE product_month_sales SET lines = lines - 1, qty = qty - (OLD.qty_milli - OLD.returned_qty_milli),
        amount = amount - (OLD.total_cents - OLD.returned_cents)
    WHERE (month, product_id, owner_id) = (SELECT substr(o.signed_date, 1, 7), OLD.product_id, o.owner_id
        FROM orders o WHERE o.id = OLD.order_id AND o.status <> 'voided');
    INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
        SELECT substr(o.signed_date, 1, 7), NEW.product_id, o.owner_id, 1, NEW.qty_milli - NEW.returned_qty_milli,
            NEW.total_cents - NEW.returned_cents FROM orders o WHERE o.id = NEW.order_id AND o.status <> 'voided'
        ON CONFLICT (month, product_id, owner_id) DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty,
            amount = amount + excluded.amount;
END;

-- An order voided, restored, moved to another month or owner: its lines
-- leave the old cells and join the new ones.
CREATE TRIGGER product_month_sales_order_update AFTER UPDATE OF status, signed_date, owner_id ON orders
WHEN (OLD.status = 'voided') <> (NEW.status = 'voided') OR OLD.signed_date IS NOT NEW.signed_date
    OR OLD.owner_id IS NOT NEW.owner_id BEGIN
    INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
        SELECT substr(OLD.signed_date, 1, 7), l.product_id, OLD.owner_id, -COUNT(*), -SUM(l.qty_milli - l.returned_qty_milli),
            -SUM(l.total_cents - l.returned_cents) FROM order_lines l WHERE l.order_id = OLD.id AND OLD.status <> 'voided'
            GROUP BY l.product_id
        ON CONFLICT (month, product_id, owner_id) DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty,
            amount = amount + excluded.amount;
    INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
        SELECT substr(NEW.signed_date, 1, 7), l.product_id, NEW.owner_id, COUNT(*), SUM(l.qty_milli - l.returned_qty_milli),
            SUM(l.total_cents - l.returned_cents) FROM order_lines l WHERE l.order_id = NEW.id AND NEW.status <> 'voided'
            GROUP BY l.product_id
        ON CONFLICT (month, product_id, owner_id) DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty,
            amount = amount + excluded.amount;
END;

-- An order deleted with lines still on it (they are deleted after it).
CREATE TRIGGER product_month_sales_order_delete AFTER DELETE ON orders WHEN OLD.status <> 'voided' BEGIN
    INSERT INTO product_month_sales (month, product_id, owner_id, lines, qty, amount)
        SELECT substr(OLD.signed_date, 1, 7), l.product_id, OLD.owner_id, -COUNT(*), -SUM(l.qty_milli - l.returned_qty_milli),
            -SUM(l.total_cents - l.returned_cents) FROM order_lines l WHERE l.order_id = OLD.id GROUP BY l.product_id
        ON CONFLICT (month, product_id, owner_id) DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty,
            amount = amount + excluded.amount;
END;

-- Installments of orders not voided, summed per owner and due day, kept by
-- the triggers below: receivables by owner (应收 按负责人) read these rows
-- instead of every installment (200,000 at 100,000 orders: 25 ms).
CREATE TABLE installment_owner_days (
    owner_id INTEGER NOT NULL,
    due_date TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    received INTEGER NOT NULL,
    PRIMARY KEY (owner_id, due_date)
) WITHOUT ROWID;

INSERT INTO installment_owner_days (owner_id, due_date, n, amount, received)
    SELECT owner_id, due_date, COUNT(*), SUM(amount_cents), SUM(received_cents) FROM installments WHERE voided = 0 GROUP BY 1, 2;

CREATE TRIGGER installment_owner_days_insert AFTER INSERT ON installments WHEN NEW.voided = 0 BEGIN
    INSERT INTO installment_owner_days (owner_id, due_date, n, amount, received)
        VALUES (NEW.owner_id, NEW.due_date, 1, NEW.amount_cents, NEW.received_cents)
        ON CONFLICT (owner_id, due_date) DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
            received = received + excluded.received;
END;

CREATE TRIGGER installment_owner_days_delete AFTER DELETE ON installments WHEN OLD.voided = 0 BEGIN
    UPDATE installment_owner_days SET n = n - 1, amount = amount - OLD.amount_cents, received = received - OLD.received_cents
        WHERE owner_id = OLD.owner_id AND due_date = OLD.due_date;
END;

CREATE TRIGGER installment_owner_days_update AFTER UPDATE OF owner_id, due_date, amount_cents, received_cents, voided
ON installments BEGIN
    UPDATE installment_owner_days SET n = n - 1, amount = amount - OLD.amount_cents, received = received - OLD.received_cents
        WHERE OLD.voided = 0 AND owner_id = OLD.owner_id AND due_date = OLD.due_date;
    INSERT INTO installment_owner_days (owner_id, due_date, n, amount, received)
        SELECT NEW.owner_id, NEW.due_date, 1, NEW.amount_cents, NEW.received_cents WHERE NEW.voided = 0
        ON CONFLICT (owner_id, due_date) DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
            received = received + excluded.received;
END;
