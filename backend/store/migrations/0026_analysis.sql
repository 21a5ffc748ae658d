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
