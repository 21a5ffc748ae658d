-- Per-stage totals kept up to date with every write, so the unfiltered
-- funnel, the unfiltered stage view and the 工作台's stage panel read eight
-- rows instead of counting 1,000,000 (store.KeptStageTotals). Triggers keep
-- them: they run inside the writing statement's transaction, so a rolled
-- back write leaves the totals as they were, and every writer (services,
-- importer, recycle bin, undo, SQL in later migrations) is covered.
--
-- A migration that rebuilds opportunities (DROP TABLE drops its triggers)
-- must create these three triggers again; TestStageTotalsTriggers checks
-- they exist after every migration.
--
-- Σ amount_cents × probability_bp is kept in two parts, p >> 31 and
-- p & (2^31 - 1) of each row's product p (≤ 10^18 with money's bound of
-- 10^14 cents), so neither sum can leave 64 bits for any realistic number
-- of rows; Go joins them exactly (big.Int). SQLite turns an integer sum
-- that overflows into a REAL instead of failing: a reader seeing any
-- non-integer value falls back to the exact scan.
CREATE TABLE stage_totals (
    stage_id INTEGER PRIMARY KEY,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    w_hi     INTEGER NOT NULL DEFAULT 0,
    w_lo     INTEGER NOT NULL DEFAULT 0
);

-- The amount is summed in two halves too, so that the fill itself cannot
-- fail with SUM's "integer overflow" (joined, it becomes a REAL instead).
INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
    SELECT stage_id, COUNT(*),
           SUM(amount_cents >> 31) * 2147483648 + SUM(amount_cents & 2147483647),
           SUM((amount_cents * probability_bp) >> 31),
           SUM((amount_cents * probability_bp) & 2147483647)
      FROM opportunities GROUP BY stage_id;

CREATE TRIGGER stage_totals_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
        VALUES (NEW.stage_id, 1, NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31,
                (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT (stage_id) DO UPDATE
       SET n = n + 1, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER stage_totals_delete AFTER DELETE ON opportunities
BEGIN
    UPDATE stage_totals
       SET n = n - 1,
           amount = amount - OLD.amount_cents,
           w_hi = w_hi - ((OLD.amount_cents * OLD.probability_bp) >> 31),
           w_lo = w_lo - ((OLD.amount_cents * OLD.probability_bp) & 2147483647)
     WHERE stage_id = OLD.stage_id;
END;

-- Only a change of stage, amount or probability moves a total (an owner or
-- name change does not touch the table).
CREATE TRIGGER stage_totals_update AFTER UPDATE OF stage_id, amount_cents, probability_bp ON opportunities
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.amount_cents IS NOT NEW.amount_cents
  OR OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    UPDATE stage_totals
       SET n = n - 1,
           amount = amount - OLD.amount_cents,
           w_hi = w_hi - ((OLD.amount_cents * OLD.probability_bp) >> 31),
           w_lo = w_lo - ((OLD.amount_cents * OLD.probability_bp) & 2147483647)
     WHERE stage_id = OLD.stage_id;
    INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
        VALUES (NEW.stage_id, 1, NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31,
                (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT (stage_id) DO UPDATE
       SET n = n + 1, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;
