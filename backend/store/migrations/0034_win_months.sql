-- The won amount by month and owner, kept from opportunity_wins (0019):
-- a company's year of 赢单金额 achievement read its 250,000 wins of the
-- 1M database one index entry at a time (15 ms); whole months are a few
-- hundred rows here, and only the days of partial months are read from
-- opportunity_wins (store.Actuals). Triggers on opportunity_wins keep it,
-- whichever writer changed the wins (its own triggers on stage_history,
-- opportunities and stages, so every writer is covered); the import
-- writer pauses them while it records its new rows' history and adds
-- those rows' wins once (store.ImportWriter.Finish). Removals are upserts
-- of negative values; rows that drop to n = 0 stay (readers skip them).
-- An amount sum that leaves 64 bits becomes a REAL (SQLite's arithmetic),
-- and readers then sum opportunity_wins as before.
CREATE TABLE win_months (
    month    TEXT    NOT NULL,
    owner_id INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, owner_id)
) WITHOUT ROWID;

INSERT INTO win_months (month, owner_id, n, amount)
    SELECT substr(won_on, 1, 7), owner_id, COUNT(*),
           SUM(amount_cents >> 31) * 2147483648 + SUM(amount_cents & 2147483647)
      FROM opportunity_wins GROUP BY 1, 2;

CREATE TRIGGER win_months_insert AFTER INSERT ON opportunity_wins
BEGIN
    INSERT INTO win_months (month, owner_id, n, amount)
        VALUES (substr(NEW.won_on, 1, 7), NEW.owner_id, 1, NEW.amount_cents)
        ON CONFLICT (month, owner_id) DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER win_months_delete AFTER DELETE ON opportunity_wins
BEGIN
    INSERT INTO win_months (month, owner_id, n, amount)
        VALUES (substr(OLD.won_on, 1, 7), OLD.owner_id, -1, -OLD.amount_cents)
        ON CONFLICT (month, owner_id) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER win_months_update AFTER UPDATE OF won_on, owner_id, amount_cents ON opportunity_wins
BEGIN
    INSERT INTO win_months (month, owner_id, n, amount)
        VALUES (substr(OLD.won_on, 1, 7), OLD.owner_id, -1, -OLD.amount_cents)
        ON CONFLICT (month, owner_id) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO win_months (month, owner_id, n, amount)
        VALUES (substr(NEW.won_on, 1, 7), NEW.owner_id, 1, NEW.amount_cents)
        ON CONFLICT (month, owner_id) DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;
