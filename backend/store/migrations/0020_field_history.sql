-- The history of an opportunity's amount, probability, expected close date
-- and owner (the stage has stage_history), for the opportunity's 字段历史
-- and for the pipeline as it stood on any past day (report `changes`).
--
-- Written by triggers, not by the services: a trigger runs inside the
-- writing statement's transaction (a rolled-back write leaves no row) and
-- catches every writer at once — the form, the board, batch owner changes,
-- pool transfers, the importer's upsert and its undo, orders winning an
-- opportunity, and whatever later code updates these columns. fd_now() and
-- fd_actor() are Go functions the store registers on its writer connection
-- (store.Now, the one clock `serve --clock` moves, and the OS user, as the
-- operation log names it). A plain sqlite3 shell cannot update these four
-- columns for want of them; it can still read everything.
--
-- old_value and new_value are NUMERIC: amounts, probabilities and owner
-- ids are integers (also when the recycle bin puts them back from JSON),
-- dates stay text. There are no rows for a creation:
-- until its first change an opportunity has had its values since it was
-- created, which is also how opportunities from before this migration are
-- read. The rows cascade with their opportunity, so the recycle bin takes
-- them away and gives them back with it.
CREATE TABLE opportunity_field_history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    field          TEXT    NOT NULL,   -- amount, probability, close, owner
    old_value      NUMERIC,
    new_value      NUMERIC,
    changed_at     TEXT    NOT NULL,
    changed_by     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX opportunity_field_history_opportunity ON opportunity_field_history(opportunity_id, id);
-- "What changed after day A" (report changes) reads these two and never
-- the tables: covering, so a week's changes are one range of each index.
CREATE INDEX opportunity_field_history_changed
    ON opportunity_field_history(changed_at, opportunity_id, field, old_value, new_value);
CREATE INDEX IF NOT EXISTS stage_history_changed ON stage_history(changed_at, opportunity_id, from_stage_id, to_stage_id);

-- While an opportunity's amount follows its lines, a write of another
-- amount is undone at once by opportunities_amount_follows_lines (0009):
-- that trigger records the one real change (before → sum of the lines), so
-- the plain amount trigger leaves such rows alone and the passing value
-- never shows in the history.
CREATE TRIGGER field_history_amount AFTER UPDATE OF amount_cents ON opportunities
WHEN OLD.amount_cents IS NOT NEW.amount_cents AND NEW.amount_follows_lines = 0
BEGIN
    INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
        VALUES (NEW.id, 'amount', OLD.amount_cents, NEW.amount_cents, fd_now(), fd_actor());
END;

DROP TRIGGER opportunities_amount_follows_lines;
CREATE TRIGGER opportunities_amount_follows_lines
AFTER UPDATE OF amount_cents, amount_follows_lines ON opportunities
WHEN NEW.amount_follows_lines = 1
BEGIN
    INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
        SELECT NEW.id, 'amount', OLD.amount_cents, s, fd_now(), fd_actor()
          FROM (SELECT COALESCE(SUM(total_cents), 0) AS s FROM opportunity_lines WHERE opportunity_id = NEW.id)
         WHERE s IS NOT OLD.amount_cents;
    UPDATE opportunities
       SET amount_cents = (SELECT COALESCE(SUM(total_cents), 0) FROM opportunity_lines WHERE opportunity_id = NEW.id)
     WHERE id = NEW.id;
END;

CREATE TRIGGER field_history_probability AFTER UPDATE OF probability_bp ON opportunities
WHEN OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
        VALUES (NEW.id, 'probability', OLD.probability_bp, NEW.probability_bp, fd_now(), fd_actor());
END;

CREATE TRIGGER field_history_close AFTER UPDATE OF expected_close ON opportunities
WHEN OLD.expected_close IS NOT NEW.expected_close
BEGIN
    INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
        VALUES (NEW.id, 'close', OLD.expected_close, NEW.expected_close, fd_now(), fd_actor());
END;

CREATE TRIGGER field_history_owner AFTER UPDATE OF owner_id ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id
BEGIN
    INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
        VALUES (NEW.id, 'owner', OLD.owner_id, NEW.owner_id, fd_now(), fd_actor());
END;
