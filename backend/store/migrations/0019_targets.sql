-- Sales targets (销售目标) and the kept facts their achievement reads.
-- Only tables, indexes and triggers are added, so this composes with the
-- migrations of parallel work.

-- One yearly target: twelve monthly values of one dimension for the company
-- (scope_id 0), a team or a salesperson. The year and the quarters are the
-- sums of the months and are never stored. Money in cents, counts as is.
CREATE TABLE targets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    dimension  TEXT    NOT NULL CHECK (dimension IN ('won_amount', 'order_amount', 'receipts', 'orders', 'new_opportunities', 'new_customers')),
    scope      TEXT    NOT NULL CHECK (scope IN ('company', 'team', 'owner')),
    scope_id   INTEGER NOT NULL DEFAULT 0,
    m1  INTEGER NOT NULL DEFAULT 0 CHECK (m1 >= 0),
    m2  INTEGER NOT NULL DEFAULT 0 CHECK (m2 >= 0),
    m3  INTEGER NOT NULL DEFAULT 0 CHECK (m3 >= 0),
    m4  INTEGER NOT NULL DEFAULT 0 CHECK (m4 >= 0),
    m5  INTEGER NOT NULL DEFAULT 0 CHECK (m5 >= 0),
    m6  INTEGER NOT NULL DEFAULT 0 CHECK (m6 >= 0),
    m7  INTEGER NOT NULL DEFAULT 0 CHECK (m7 >= 0),
    m8  INTEGER NOT NULL DEFAULT 0 CHECK (m8 >= 0),
    m9  INTEGER NOT NULL DEFAULT 0 CHECK (m9 >= 0),
    m10 INTEGER NOT NULL DEFAULT 0 CHECK (m10 >= 0),
    m11 INTEGER NOT NULL DEFAULT 0 CHECK (m11 >= 0),
    m12 INTEGER NOT NULL DEFAULT 0 CHECK (m12 >= 0),
    updated_at TEXT    NOT NULL,
    UNIQUE (year, dimension, scope, scope_id)
);

-- The won opportunities with the day of their last entry into a won stage
-- (stages.kind = 'won', however many won outcomes there are), their owner
-- and amount: achievement of 赢单金额 reads a range of this index instead of
-- searching 3,000,000 stage changes. An opportunity won, reopened and won
-- again has one row, at its last win; one reopened and still open has none.
-- Triggers keep it, so every writer (services, importer, recycle bin, undo)
-- is covered; store.RebuildWins computes it from scratch (the tests compare).
CREATE TABLE opportunity_wins (
    opportunity_id INTEGER PRIMARY KEY,
    owner_id       INTEGER NOT NULL,
    won_on         TEXT    NOT NULL,
    amount_cents   INTEGER NOT NULL
);
CREATE INDEX opportunity_wins_day ON opportunity_wins(won_on, owner_id, amount_cents);
CREATE INDEX opportunity_wins_owner ON opportunity_wins(owner_id, won_on, amount_cents);

INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
    SELECT o.id, o.owner_id, w.on_day, o.amount_cents
      FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
      JOIN (SELECT h.opportunity_id AS id, substr(MAX(h.changed_at), 1, 10) AS on_day
              FROM stage_history h JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
             GROUP BY h.opportunity_id) w ON w.id = o.id;

-- Each trigger recomputes one opportunity's row the same way.
CREATE TRIGGER opportunity_wins_history_insert AFTER INSERT ON stage_history
WHEN (SELECT kind FROM stages WHERE id = NEW.to_stage_id) = 'won'
  OR EXISTS (SELECT 1 FROM opportunity_wins WHERE opportunity_id = NEW.opportunity_id)
BEGIN
    DELETE FROM opportunity_wins WHERE opportunity_id = NEW.opportunity_id;
    INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
        SELECT o.id, o.owner_id, w.on_day, o.amount_cents
          FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
          JOIN (SELECT substr(MAX(h.changed_at), 1, 10) AS on_day FROM stage_history h
                  JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
                 WHERE h.opportunity_id = NEW.opportunity_id) w ON w.on_day IS NOT NULL
         WHERE o.id = NEW.opportunity_id;
END;

CREATE TRIGGER opportunity_wins_history_update AFTER UPDATE OF changed_at, to_stage_id, opportunity_id ON stage_history
BEGIN
    DELETE FROM opportunity_wins WHERE opportunity_id IN (OLD.opportunity_id, NEW.opportunity_id);
    INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
        SELECT o.id, o.owner_id, (SELECT substr(MAX(h.changed_at), 1, 10) FROM stage_history h
                  JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won' WHERE h.opportunity_id = o.id), o.amount_cents
          FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
         WHERE o.id IN (OLD.opportunity_id, NEW.opportunity_id)
           AND EXISTS (SELECT 1 FROM stage_history h JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
                        WHERE h.opportunity_id = o.id);
END;

CREATE TRIGGER opportunity_wins_history_delete AFTER DELETE ON stage_history
WHEN EXISTS (SELECT 1 FROM opportunity_wins WHERE opportunity_id = OLD.opportunity_id)
BEGIN
    DELETE FROM opportunity_wins WHERE opportunity_id = OLD.opportunity_id;
    INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
        SELECT o.id, o.owner_id, w.on_day, o.amount_cents
          FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
          JOIN (SELECT substr(MAX(h.changed_at), 1, 10) AS on_day FROM stage_history h
                  JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
                 WHERE h.opportunity_id = OLD.opportunity_id) w ON w.on_day IS NOT NULL
         WHERE o.id = OLD.opportunity_id;
END;

-- A stage, owner or amount change: the stage may have left won (the row
-- goes) or come back to it (the last win in the history is its day).
CREATE TRIGGER opportunity_wins_opportunity_update AFTER UPDATE OF stage_id, owner_id, amount_cents ON opportunities
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.owner_id IS NOT NEW.owner_id OR OLD.amount_cents IS NOT NEW.amount_cents
BEGIN
    DELETE FROM opportunity_wins WHERE opportunity_id = NEW.id;
    INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
        SELECT NEW.id, NEW.owner_id, w.on_day, NEW.amount_cents
          FROM stages s
          JOIN (SELECT substr(MAX(h.changed_at), 1, 10) AS on_day FROM stage_history h
                  JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
                 WHERE h.opportunity_id = NEW.id) w ON w.on_day IS NOT NULL
         WHERE s.id = NEW.stage_id AND s.kind = 'won';
END;

CREATE TRIGGER opportunity_wins_opportunity_delete AFTER DELETE ON opportunities
BEGIN
    DELETE FROM opportunity_wins WHERE opportunity_id = OLD.id;
END;

-- A stage that changes kind changes which opportunities are won: rare, so
-- everything is computed again.
CREATE TRIGGER opportunity_wins_stage_kind AFTER UPDATE OF kind ON stages
WHEN OLD.kind IS NOT NEW.kind
BEGIN
    DELETE FROM opportunity_wins;
    INSERT INTO opportunity_wins (opportunity_id, owner_id, won_on, amount_cents)
        SELECT o.id, o.owner_id, w.on_day, o.amount_cents
          FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
          JOIN (SELECT h.opportunity_id AS id, substr(MAX(h.changed_at), 1, 10) AS on_day
                  FROM stage_history h JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
                 GROUP BY h.opportunity_id) w ON w.id = o.id;
END;

-- New opportunities per salesperson and day of creation, so counting a
-- year's new opportunities reads a few thousand rows, not 400,000.
CREATE TABLE opportunity_created_days (
    owner_id INTEGER NOT NULL,
    day      TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (owner_id, day)
) WITHOUT ROWID;
CREATE INDEX opportunity_created_days_day ON opportunity_created_days(day, owner_id, n);

INSERT INTO opportunity_created_days (owner_id, day, n)
    SELECT owner_id, substr(created_at, 1, 10), COUNT(*) FROM opportunities GROUP BY owner_id, substr(created_at, 1, 10);

CREATE TRIGGER opportunity_created_days_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO opportunity_created_days (owner_id, day, n) VALUES (NEW.owner_id, substr(NEW.created_at, 1, 10), 1)
        ON CONFLICT (owner_id, day) DO UPDATE SET n = n + 1;
END;

-- A decrement is an upsert too: during a bulk import the insert trigger is
-- paused (store.ImportWriter adds its rows' counts when it finishes), so a
-- row it inserted and then deleted may not be counted yet.
CREATE TRIGGER opportunity_created_days_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO opportunity_created_days (owner_id, day, n) VALUES (OLD.owner_id, substr(OLD.created_at, 1, 10), -1)
        ON CONFLICT (owner_id, day) DO UPDATE SET n = n - 1;
END;

CREATE TRIGGER opportunity_created_days_update AFTER UPDATE OF owner_id, created_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO opportunity_created_days (owner_id, day, n) VALUES (OLD.owner_id, substr(OLD.created_at, 1, 10), -1)
        ON CONFLICT (owner_id, day) DO UPDATE SET n = n - 1;
    INSERT INTO opportunity_created_days (owner_id, day, n) VALUES (NEW.owner_id, substr(NEW.created_at, 1, 10), 1)
        ON CONFLICT (owner_id, day) DO UPDATE SET n = n + 1;
END;

-- New customers of one salesperson in a period (the 新增客户数 target)
-- without reading each customer row.
CREATE INDEX customers_owner_created ON customers(owner_id, created_at);
