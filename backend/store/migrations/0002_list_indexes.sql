-- Indexes for list pages, their totals and the funnel at 1,000,000
-- opportunities (bench/README.md has the measurements behind each).
--
-- Two cover indexes replace opportunities_stage_close and
-- opportunities_owner_close: with amount, probability, owner, source and
-- type in them, counts and funnel totals under any mix of view, stage,
-- owner, source, type and close dates read no table row. The close date
-- comes second in both, so opportunities_close goes: a date range alone is
-- searched within each stage (store adds "stage_id IN (all stages)").
DROP INDEX IF EXISTS opportunities_stage_close;
DROP INDEX IF EXISTS opportunities_owner_close;
DROP INDEX IF EXISTS opportunities_close;
-- The id right after the close date keeps each stage's (or owner's) rows in
-- the list's order (close date, then id), so pages merge without sorting.
CREATE INDEX IF NOT EXISTS opportunities_stage_cover
    ON opportunities(stage_id, expected_close, id, amount_cents, probability_bp, owner_id, source, type);
CREATE INDEX IF NOT EXISTS opportunities_owner_cover
    ON opportunities(owner_id, expected_close, id, stage_id, amount_cents, probability_bp, source, type);

-- One index per sort key, each ending (implicitly) with the id that breaks
-- ties, so a page is read in order and the walk stops after it. Close date
-- pages merge the ranges of opportunities_stage_cover; created = id.
-- opportunities_stage serves the stage sort (stage by stage, by id).
CREATE INDEX IF NOT EXISTS opportunities_stage ON opportunities(stage_id);
CREATE INDEX IF NOT EXISTS opportunities_amount ON opportunities(amount_cents);
CREATE INDEX IF NOT EXISTS opportunities_probability ON opportunities(probability_bp);
CREATE INDEX IF NOT EXISTS opportunities_updated ON opportunities(updated_at);
-- name first for the name sort; with customer_id a text search reads this
-- index instead of the table (about half the time).
CREATE INDEX IF NOT EXISTS opportunities_name ON opportunities(name, customer_id);

-- Source and type filters alone: counts over a few values.
CREATE INDEX IF NOT EXISTS opportunities_source ON opportunities(source);
CREATE INDEX IF NOT EXISTS opportunities_type ON opportunities(type);
