-- The per-stage totals' delete and update triggers (0018) took a row out
-- with an UPDATE of its stage's totals row, which does nothing when that
-- row does not exist yet. Inside an import it may not: the writer pauses
-- the insert trigger and adds its rows' totals once, in Finish, so on a
-- database with no opportunities in a stage, a later row of the file that
-- moved a record out of that stage (or changed its amount) lost its
-- subtraction, and the funnel counted the record twice. The subtraction
-- is now an upsert of negative sums, as the month totals' (0025) are: the
-- writer's own sums then complete the row, whatever the order.
DROP TRIGGER stage_totals_delete;
DROP TRIGGER stage_totals_update;

CREATE TRIGGER stage_totals_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
        VALUES (OLD.stage_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT (stage_id) DO UPDATE
       SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER stage_totals_update AFTER UPDATE OF stage_id, amount_cents, probability_bp ON opportunities
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.amount_cents IS NOT NEW.amount_cents
  OR OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
        VALUES (OLD.stage_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT (stage_id) DO UPDATE
       SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
        VALUES (NEW.stage_id, 1, NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31,
                (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT (stage_id) DO UPDATE
       SET n = n + 1, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

-- A database imported into while empty may hold such double counts: the
-- totals are counted again from the rows (0018's fill; an index walk by
-- stage, a fraction of a second at a million rows).
DELETE FROM stage_totals;
INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo)
    SELECT stage_id, COUNT(*),
           SUM(amount_cents >> 31) * 2147483648 + SUM(amount_cents & 2147483647),
           SUM((amount_cents * probability_bp) >> 31),
           SUM((amount_cents * probability_bp) & 2147483647)
      FROM opportunities GROUP BY stage_id;
