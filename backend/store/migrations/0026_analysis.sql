-- What the analysis reports (backend/analysis) need of each opportunity
-- without reading its stage history at report time: at 1,000,000
-- opportunities and 3,600,000 history rows, a year's reports would
-- otherwise look up a million history rows.
--
-- closed_on: the day (YYYY-MM-DD, as written in changed_at) the opportunity
--   entered its current won or lost stage; '' while it is open. "Won or lost
--   in the period" is read from it; an opportunity won, reopened and won
--   again counts once, at its last win.
-- stages_seen: the set of stages the opportunity has ever entered, as bits
--   (1 << stage id) for stage ids below 63 (larger ids are not recorded:
--   the report reads their rows from the history instead). A set of ids,
--   not a furthest position, so that reordering the stages needs no
--   rebuild: the report folds the sets by the positions of the day.
--
-- Triggers on stage_history keep both, so every writer (services, the
-- importers, the recycle bin, undo) is covered. A stage change inserts a
-- history row; the importer also rewrites the first row's time and its
-- undo deletes the last row.
ALTER TABLE opportunities ADD COLUMN closed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN stages_seen INTEGER NOT NULL DEFAULT 0;

UPDATE opportunities SET
    stages_seen = COALESCE((SELECT SUM(DISTINCT 1 << h.to_stage_id) FROM stage_history h
                             WHERE h.opportunity_id = opportunities.id AND h.to_stage_id < 63), 0),
    closed_on = COALESCE((SELECT substr(h.changed_at, 1, 10) FROM stage_history h
                            JOIN stages s ON s.id = h.to_stage_id
                           WHERE h.id = (SELECT MAX(id) FROM stage_history WHERE opportunity_id = opportunities.id)
                             AND s.kind <> 'open'), '');

CREATE TRIGGER analysis_history_insert AFTER INSERT ON stage_history
BEGIN
    UPDATE opportunities SET
        stages_seen = stages_seen | CASE WHEN NEW.to_stage_id < 63 THEN 1 << NEW.to_stage_id ELSE 0 END,
        closed_on = CASE WHEN (SELECT kind FROM stages WHERE id = NEW.to_stage_id) <> 'open'
                         THEN substr(NEW.changed_at, 1, 10) ELSE '' END
     WHERE id = NEW.opportunity_id;
END;

CREATE TRIGGER analysis_history_time AFTER UPDATE OF changed_at ON stage_history
WHEN NEW.id = (SELECT MAX(id) FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
 AND (SELECT kind FROM stages WHERE id = NEW.to_stage_id) <> 'open'
BEGIN
    UPDATE opportunities SET closed_on = substr(NEW.changed_at, 1, 10) WHERE id = NEW.opportunity_id;
END;

CREATE TRIGGER analysis_history_delete AFTER DELETE ON stage_history
BEGIN
    UPDATE opportunities SET
        stages_seen = COALESCE((SELECT SUM(DISTINCT 1 << h.to_stage_id) FROM stage_history h
                                 WHERE h.opportunity_id = OLD.opportunity_id AND h.to_stage_id < 63), 0),
        closed_on = COALESCE((SELECT substr(h.changed_at, 1, 10) FROM stage_history h
                                JOIN stages s ON s.id = h.to_stage_id
                               WHERE h.id = (SELECT MAX(id) FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                                 AND s.kind <> 'open'), '')
     WHERE id = OLD.opportunity_id;
END;

-- The reports' two walks, each covering what they read: opportunities
-- created in a period and opportunities closed in a period, per owner.
-- Company-wide, the store asks for every owner ("owner_id IN (SELECT id
-- FROM owners)"), so one index serves a person, a team and everyone.
CREATE INDEX opportunities_owner_created ON opportunities(owner_id, created_at, stage_id, amount_cents,
    probability_bp, type, source, customer_id, stages_seen, lost_reason, competitor);
CREATE INDEX opportunities_owner_closed ON opportunities(owner_id, closed_on, stage_id, amount_cents,
    probability_bp, type, source, customer_id, created_at, lost_reason, competitor)
    WHERE closed_on <> '';

-- Kept monthly totals (like stage_totals, migration 0018): a year's
-- reports company-wide read a few thousand kept rows instead of the
-- 600,000 opportunities a year can hold. One row per month and the values
-- the reports group or filter by; store/analysis.go reads whole months of
-- a period here and its partial first and last months through the indexes
-- above. Owner first, as in those indexes: a person's year is one range,
-- the company's one range per owner. Triggers keep them in every writer's
-- transaction, as upserts both ways (the import writer adds its new rows
-- only in Finish, so an earlier change to one of them may take it out of
-- a row not there yet); rows that drop to n = 0 stay (harmless: the
-- readers skip them).
--
-- analysis_created: by creation month, with the stages entered (seen) for
-- the conversion. analysis_closed: by closing month (closed_on), for won
-- and lost. Σ amount × probability is kept in halves (see 0018).
CREATE TABLE analysis_created (
    month    TEXT    NOT NULL,
    owner_id INTEGER NOT NULL,
    type     TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    stage_id INTEGER NOT NULL,
    seen     INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    w_hi     INTEGER NOT NULL DEFAULT 0,
    w_lo     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, month, type, source, stage_id, seen)
) WITHOUT ROWID;

CREATE TABLE analysis_closed (
    month       TEXT    NOT NULL,
    owner_id    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    stage_id    INTEGER NOT NULL,
    lost_reason TEXT    NOT NULL,
    competitor  TEXT    NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    amount      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, month, type, source, stage_id, lost_reason, competitor)
) WITHOUT ROWID;

INSERT INTO analysis_created (month, owner_id, type, source, stage_id, seen, n, amount, w_hi, w_lo)
    SELECT substr(created_at, 1, 7), owner_id, type, source, stage_id, stages_seen, COUNT(*), SUM(amount_cents),
           SUM((amount_cents * probability_bp) >> 31), SUM((amount_cents * probability_bp) & 2147483647)
      FROM opportunities GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO analysis_closed (month, owner_id, type, source, stage_id, lost_reason, competitor, n, amount)
    SELECT substr(closed_on, 1, 7), owner_id, type, source, stage_id, lost_reason, competitor, COUNT(*), SUM(amount_cents)
      FROM opportunities WHERE closed_on <> '' GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER analysis_kept_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO analysis_created (month, owner_id, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(NEW.created_at, 1, 7), NEW.owner_id, NEW.type, NEW.source, NEW.stage_id, NEW.stages_seen, 1,
                NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_closed (month, owner_id, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(NEW.closed_on, 1, 7), NEW.owner_id, NEW.type, NEW.source, NEW.stage_id, NEW.lost_reason, NEW.competitor, 1,
               NEW.amount_cents WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER analysis_kept_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO analysis_created (month, owner_id, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(OLD.created_at, 1, 7), OLD.owner_id, OLD.type, OLD.source, OLD.stage_id, OLD.stages_seen, -1,
                -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_closed (month, owner_id, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(OLD.closed_on, 1, 7), OLD.owner_id, OLD.type, OLD.source, OLD.stage_id, OLD.lost_reason, OLD.competitor, -1,
               -OLD.amount_cents WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER analysis_kept_update_created
AFTER UPDATE OF created_at, owner_id, type, source, stage_id, stages_seen, amount_cents, probability_bp ON opportunities
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.type IS NOT NEW.type
  OR OLD.source IS NOT NEW.source OR OLD.stage_id IS NOT NEW.stage_id OR OLD.stages_seen IS NOT NEW.stages_seen
  OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    INSERT INTO analysis_created (month, owner_id, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(OLD.created_at, 1, 7), OLD.owner_id, OLD.type, OLD.source, OLD.stage_id, OLD.stages_seen, -1,
                -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_created (month, owner_id, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(NEW.created_at, 1, 7), NEW.owner_id, NEW.type, NEW.source, NEW.stage_id, NEW.stages_seen, 1,
                NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER analysis_kept_update_closed
AFTER UPDATE OF closed_on, owner_id, type, source, stage_id, amount_cents, lost_reason, competitor ON opportunities
WHEN OLD.closed_on IS NOT NEW.closed_on OR OLD.owner_id IS NOT NEW.owner_id OR OLD.type IS NOT NEW.type
  OR OLD.source IS NOT NEW.source OR OLD.stage_id IS NOT NEW.stage_id OR OLD.amount_cents IS NOT NEW.amount_cents
  OR OLD.lost_reason IS NOT NEW.lost_reason OR OLD.competitor IS NOT NEW.competitor
BEGIN
    INSERT INTO analysis_closed (month, owner_id, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(OLD.closed_on, 1, 7), OLD.owner_id, OLD.type, OLD.source, OLD.stage_id, OLD.lost_reason, OLD.competitor, -1,
               -OLD.amount_cents WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO analysis_closed (month, owner_id, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(NEW.closed_on, 1, 7), NEW.owner_id, NEW.type, NEW.source, NEW.stage_id, NEW.lost_reason, NEW.competitor, 1,
               NEW.amount_cents WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;
