-- Kept totals for days in stage and the sales cycle (backend/analysis
-- ComputeStageTime): company-wide, a year's cohort holds ~600,000
-- opportunities and ~2,000,000 history rows, far too many to walk per
-- report. Both are histograms of whole days, so averages and medians read
-- from them are exact.
--
-- analysis_stays: per owner, creation month and stage, how many
-- opportunities spent `days` days in completed stays of the stage
-- (entered = 0: the opportunity is no longer in it), or are in it now
-- (entered = the day, as days since 1970-01-01, their current stay began;
-- days = their earlier completed stays of the stage; the reader adds
-- today - entered). Every stage is kept, whatever its kind: the reader
-- picks the open ones, and counts the cohort from the rows with entered.
--
-- analysis_cycle: per owner, closing month (closed_on) and current stage,
-- how many took `days` days from creation to closing; the reader picks
-- the won stages.
--
-- Type and source are not kept (they would multiply the rows about
-- twenty-fold): a report filtered by them walks the history instead.
--
-- Kept by triggers, as a whole opportunity's share: a BEFORE trigger takes
-- the opportunity's share out as it stands, the AFTER trigger adds it back
-- as it now is. Shares are computed from the opportunity's own history
-- rows (a handful) through stage_history_opportunity. A history row of a
-- deleted opportunity (ON DELETE CASCADE) finds no opportunity and adds or
-- takes nothing: the opportunity's own delete trigger took its share.
CREATE TABLE analysis_stays (
    owner_id INTEGER NOT NULL,
    month    TEXT    NOT NULL,
    stage_id INTEGER NOT NULL,
    entered  INTEGER NOT NULL,
    days     INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, month, stage_id, entered, days)
) WITHOUT ROWID;

CREATE TABLE analysis_cycle (
    owner_id INTEGER NOT NULL,
    month    TEXT    NOT NULL,
    stage_id INTEGER NOT NULL,
    days     INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, month, stage_id, days)
) WITHOUT ROWID;

-- The fill: each opportunity's stays, from its history in id order.
INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
    SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, COUNT(*)
      FROM (SELECT opportunity_id AS opp, s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                   COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
              FROM (SELECT opportunity_id, to_stage_id AS s,
                           CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                           LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER))
                               OVER (PARTITION BY opportunity_id ORDER BY id) AS nd
                      FROM stage_history)
             GROUP BY opportunity_id, s) t
      JOIN opportunities o ON o.id = t.opp
     GROUP BY 1, 2, 3, 4, 5;

-- analysis_stays_all: analysis_stays summed over owners, for the company:
-- a year of analysis_stays holds ~250,000 rows, whose grouping alone
-- costs more than the whole report may. Kept by the same triggers.
CREATE TABLE analysis_stays_all (
    month    TEXT    NOT NULL,
    stage_id INTEGER NOT NULL,
    entered  INTEGER NOT NULL,
    days     INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, stage_id, entered, days)
) WITHOUT ROWID;

INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
    SELECT month, stage_id, entered, days, SUM(n) FROM analysis_stays GROUP BY 1, 2, 3, 4;

INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
    SELECT owner_id, substr(closed_on, 1, 7), stage_id,
           COALESCE(CAST(julianday(closed_on) - julianday(substr(created_at, 1, 10)) AS INTEGER), 0), COUNT(*)
      FROM opportunities WHERE closed_on <> '' GROUP BY 1, 2, 3, 4;

-- One opportunity's share of analysis_stays, times sign: written out in
-- each trigger below (a trigger cannot call a view with parameters).
CREATE TRIGGER analysis_stays_history_before_insert BEFORE INSERT ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_history_after_insert AFTER INSERT ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_history_before_delete BEFORE DELETE ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_history_after_delete AFTER DELETE ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_history_before_update BEFORE UPDATE OF opportunity_id, to_stage_id, changed_at ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = OLD.opportunity_id)
                GROUP BY s) t
         WHERE o.id = OLD.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_history_after_update AFTER UPDATE OF opportunity_id, to_stage_id, changed_at ON stage_history
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM opportunities o JOIN (
               SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                      COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                 FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                              LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                         FROM stage_history WHERE opportunity_id = NEW.opportunity_id)
                GROUP BY s) t
         WHERE o.id = NEW.opportunity_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An opportunity's owner or creation month moves its whole share.
CREATE TRIGGER analysis_stays_opp_before_update BEFORE UPDATE OF owner_id, created_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR substr(OLD.created_at, 1, 7) IS NOT substr(NEW.created_at, 1, 7)
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT OLD.owner_id, substr(OLD.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = OLD.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(OLD.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = OLD.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_opp_after_update AFTER UPDATE OF owner_id, created_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR substr(OLD.created_at, 1, 7) IS NOT substr(NEW.created_at, 1, 7)
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT NEW.owner_id, substr(NEW.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = NEW.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(NEW.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = NEW.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER analysis_stays_opp_before_delete BEFORE DELETE ON opportunities
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT OLD.owner_id, substr(OLD.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = OLD.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(OLD.created_at, 1, 7), t.s, t.entered, t.days, -1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = OLD.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- History written before its opportunity (a restore may) counts once the
-- opportunity is there. The import writer pauses this one for new rows:
-- they have no history until its Finish.
CREATE TRIGGER analysis_stays_opp_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
        SELECT NEW.owner_id, substr(NEW.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = NEW.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
        SELECT substr(NEW.created_at, 1, 7), t.s, t.entered, t.days, 1
          FROM (SELECT s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
                       COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
                  FROM (SELECT to_stage_id AS s, CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
                               LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER)) OVER (ORDER BY id) AS nd
                          FROM stage_history WHERE opportunity_id = NEW.id)
                 GROUP BY s) t
         WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
        SELECT NEW.owner_id, substr(NEW.closed_on, 1, 7), NEW.stage_id,
               COALESCE(CAST(julianday(NEW.closed_on) - julianday(substr(NEW.created_at, 1, 10)) AS INTEGER), 0), 1
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER analysis_cycle_delete AFTER DELETE ON opportunities WHEN OLD.closed_on <> ''
BEGIN
    INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
        VALUES (OLD.owner_id, substr(OLD.closed_on, 1, 7), OLD.stage_id,
                COALESCE(CAST(julianday(OLD.closed_on) - julianday(substr(OLD.created_at, 1, 10)) AS INTEGER), 0), -1)
        ON CONFLICT DO UPDATE SET n = n - 1;
END;

CREATE TRIGGER analysis_cycle_update AFTER UPDATE OF owner_id, created_at, closed_on, stage_id ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
  OR OLD.closed_on IS NOT NEW.closed_on OR OLD.stage_id IS NOT NEW.stage_id
BEGIN
    INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
        SELECT OLD.owner_id, substr(OLD.closed_on, 1, 7), OLD.stage_id,
               COALESCE(CAST(julianday(OLD.closed_on) - julianday(substr(OLD.created_at, 1, 10)) AS INTEGER), 0), -1
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n - 1;
    INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
        SELECT NEW.owner_id, substr(NEW.closed_on, 1, 7), NEW.stage_id,
               COALESCE(CAST(julianday(NEW.closed_on) - julianday(substr(NEW.created_at, 1, 10)) AS INTEGER), 0), 1
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The opportunities created per month by lost reason and by competitor
-- (the analysis grouped by either): analysis_created does not hold them,
-- as they would multiply its rows for every other grouping. One row per
-- field and value; every opportunity counts once under each field ('' =
-- none given).
CREATE TABLE analysis_created_by (
    owner_id INTEGER NOT NULL,
    month    TEXT    NOT NULL,
    field    TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    w_hi     INTEGER NOT NULL DEFAULT 0,
    w_lo     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, month, field, value, type, source)
) WITHOUT ROWID;

INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
    SELECT owner_id, substr(created_at, 1, 7), f.field, CASE f.field WHEN 'lostReason' THEN lost_reason ELSE competitor END,
           type, source, COUNT(*), SUM(amount_cents),
           SUM((amount_cents * probability_bp) >> 31), SUM((amount_cents * probability_bp) & 2147483647)
      FROM opportunities, (SELECT 'lostReason' AS field UNION ALL SELECT 'competitor') f
     GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER analysis_created_by_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
        SELECT NEW.owner_id, substr(NEW.created_at, 1, 7), f.field, CASE f.field WHEN 'lostReason' THEN NEW.lost_reason ELSE NEW.competitor END,
               NEW.type, NEW.source, 1, NEW.amount_cents,
               (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647
          FROM (SELECT 'lostReason' AS field UNION ALL SELECT 'competitor') f WHERE true
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER analysis_created_by_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
        SELECT OLD.owner_id, substr(OLD.created_at, 1, 7), f.field, CASE f.field WHEN 'lostReason' THEN OLD.lost_reason ELSE OLD.competitor END,
               OLD.type, OLD.source, -1, -OLD.amount_cents,
               -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647)
          FROM (SELECT 'lostReason' AS field UNION ALL SELECT 'competitor') f WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER analysis_created_by_update
AFTER UPDATE OF created_at, owner_id, type, source, lost_reason, competitor, amount_cents, probability_bp ON opportunities
WHEN substr(OLD.created_at, 1, 7) IS NOT substr(NEW.created_at, 1, 7) OR OLD.owner_id IS NOT NEW.owner_id
  OR OLD.type IS NOT NEW.type OR OLD.source IS NOT NEW.source OR OLD.lost_reason IS NOT NEW.lost_reason
  OR OLD.competitor IS NOT NEW.competitor OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
        SELECT OLD.owner_id, substr(OLD.created_at, 1, 7), f.field, CASE f.field WHEN 'lostReason' THEN OLD.lost_reason ELSE OLD.competitor END,
               OLD.type, OLD.source, -1, -OLD.amount_cents,
               -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647)
          FROM (SELECT 'lostReason' AS field UNION ALL SELECT 'competitor') f WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
        SELECT NEW.owner_id, substr(NEW.created_at, 1, 7), f.field, CASE f.field WHEN 'lostReason' THEN NEW.lost_reason ELSE NEW.competitor END,
               NEW.type, NEW.source, 1, NEW.amount_cents,
               (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647
          FROM (SELECT 'lostReason' AS field UNION ALL SELECT 'competitor') f WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

-- By customer (migration 0028): per owner, customer and month, the
-- opportunities created (n, amount, Σ amount × probability in halves) and
-- those closed (won and lost: closed_on's month; won = a stage of kind
-- 'won', lost = any other, as AnalysisClosed counts) — owner and customer
-- first, so that one owner's period is read in customer order with
-- nothing to sort. analysis_customer_year holds the same per year and
-- customer for the company, whose year would otherwise group ~600,000
-- rows. Type and source are not kept: a report filtered by them counts.
--
-- The import writer adds its new rows in Finish, in grouped statements:
-- while it writes, analysis_import_first holds its first new id and the
-- triggers leave rows from that id on alone (a trigger cannot be given a
-- parameter; a one-row table can).
CREATE TABLE analysis_customer (
    owner_id    INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    month       TEXT    NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    amount      INTEGER NOT NULL DEFAULT 0,
    w_hi        INTEGER NOT NULL DEFAULT 0,
    w_lo        INTEGER NOT NULL DEFAULT 0,
    won_n       INTEGER NOT NULL DEFAULT 0,
    won_amount  INTEGER NOT NULL DEFAULT 0,
    lost_n      INTEGER NOT NULL DEFAULT 0,
    lost_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, customer_id, month)
) WITHOUT ROWID;

CREATE TABLE analysis_customer_year (
    year        TEXT    NOT NULL,
    customer_id INTEGER NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    amount      INTEGER NOT NULL DEFAULT 0,
    w_hi        INTEGER NOT NULL DEFAULT 0,
    w_lo        INTEGER NOT NULL DEFAULT 0,
    won_n       INTEGER NOT NULL DEFAULT 0,
    won_amount  INTEGER NOT NULL DEFAULT 0,
    lost_n      INTEGER NOT NULL DEFAULT 0,
    lost_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (year, customer_id)
) WITHOUT ROWID;

CREATE TABLE analysis_import_first (first_id INTEGER NOT NULL);
INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
    SELECT owner_id, customer_id, substr(created_at, 1, 7), COUNT(*), SUM(amount_cents), SUM((amount_cents * probability_bp) >> 31),
           SUM((amount_cents * probability_bp) & 2147483647), 0, 0, 0, 0
      FROM opportunities GROUP BY 1, 2, 3;
INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
    SELECT owner_id, customer_id, substr(closed_on, 1, 7), 0, 0, 0, 0, SUM(s.kind = 'won'), SUM(CASE WHEN s.kind = 'won' THEN amount_cents ELSE 0 END),
           SUM(s.kind IS NOT 'won'), SUM(CASE WHEN s.kind = 'won' THEN 0 ELSE amount_cents END)
      FROM opportunities o LEFT JOIN stages s ON s.id = o.stage_id WHERE o.closed_on <> '' GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
    SELECT substr(created_at, 1, 4), customer_id, COUNT(*), SUM(amount_cents), SUM((amount_cents * probability_bp) >> 31),
           SUM((amount_cents * probability_bp) & 2147483647), 0, 0, 0, 0
      FROM opportunities GROUP BY 1, 2;
INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
    SELECT substr(closed_on, 1, 4), customer_id, 0, 0, 0, 0, SUM(s.kind = 'won'), SUM(CASE WHEN s.kind = 'won' THEN amount_cents ELSE 0 END),
           SUM(s.kind IS NOT 'won'), SUM(CASE WHEN s.kind = 'won' THEN 0 ELSE amount_cents END)
      FROM opportunities o LEFT JOIN stages s ON s.id = o.stage_id WHERE o.closed_on <> '' GROUP BY 1, 2
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
CREATE TRIGGER analysis_customer_insert AFTER INSERT ON opportunities
WHEN NEW.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (NEW.owner_id, NEW.customer_id, substr(NEW.created_at, 1, 7), 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT NEW.owner_id, NEW.customer_id, substr(NEW.closed_on, 1, 7), 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (substr(NEW.created_at, 1, 4), NEW.customer_id, 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT substr(NEW.closed_on, 1, 4), NEW.customer_id, 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER analysis_customer_delete AFTER DELETE ON opportunities
WHEN OLD.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (OLD.owner_id, OLD.customer_id, substr(OLD.created_at, 1, 7), -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT OLD.owner_id, OLD.customer_id, substr(OLD.closed_on, 1, 7), 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (substr(OLD.created_at, 1, 4), OLD.customer_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT substr(OLD.closed_on, 1, 4), OLD.customer_id, 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER analysis_customer_update
AFTER UPDATE OF owner_id, customer_id, created_at, amount_cents, probability_bp, closed_on, stage_id ON opportunities
WHEN (OLD.owner_id IS NOT NEW.owner_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.created_at IS NOT NEW.created_at
  OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.probability_bp IS NOT NEW.probability_bp
  OR OLD.closed_on IS NOT NEW.closed_on OR OLD.stage_id IS NOT NEW.stage_id)
 AND OLD.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (OLD.owner_id, OLD.customer_id, substr(OLD.created_at, 1, 7), -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT OLD.owner_id, OLD.customer_id, substr(OLD.closed_on, 1, 7), 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (substr(OLD.created_at, 1, 4), OLD.customer_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT substr(OLD.closed_on, 1, 4), OLD.customer_id, 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (NEW.owner_id, NEW.customer_id, substr(NEW.created_at, 1, 7), 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT NEW.owner_id, NEW.customer_id, substr(NEW.closed_on, 1, 7), 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (substr(NEW.created_at, 1, 4), NEW.customer_id, 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT substr(NEW.closed_on, 1, 4), NEW.customer_id, 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

-- A stage turned won (or no longer won) moves its closed opportunities.
CREATE TRIGGER analysis_customer_stage_kind AFTER UPDATE OF kind ON stages
WHEN (OLD.kind = 'won') IS NOT (NEW.kind = 'won')
BEGIN
    INSERT INTO analysis_customer (owner_id, customer_id, month, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT owner_id, customer_id, substr(closed_on, 1, 7), 0, 0, 0, 0,
               CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * SUM(amount_cents),
               CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * SUM(amount_cents)
          FROM opportunities WHERE stage_id = NEW.id AND closed_on <> '' GROUP BY 1, 2, 3
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_year (year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT substr(closed_on, 1, 4), customer_id, 0, 0, 0, 0,
               CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * SUM(amount_cents),
               CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * SUM(amount_cents)
          FROM opportunities WHERE stage_id = NEW.id AND closed_on <> '' GROUP BY 1, 2
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

-- analysis_customer_owner_year: the same per owner, year and customer, so
-- that one owner's calendar year is read with nothing to group (an
-- owner's months of analysis_customer are ~70,000 rows to group).
CREATE TABLE analysis_customer_owner_year (
    owner_id    INTEGER NOT NULL,
    year        TEXT    NOT NULL,
    customer_id INTEGER NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    amount      INTEGER NOT NULL DEFAULT 0,
    w_hi        INTEGER NOT NULL DEFAULT 0,
    w_lo        INTEGER NOT NULL DEFAULT 0,
    won_n       INTEGER NOT NULL DEFAULT 0,
    won_amount  INTEGER NOT NULL DEFAULT 0,
    lost_n      INTEGER NOT NULL DEFAULT 0,
    lost_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, year, customer_id)
) WITHOUT ROWID;

INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
    SELECT owner_id, substr(month, 1, 4), customer_id, SUM(n), SUM(amount), SUM(w_hi), SUM(w_lo),
           SUM(won_n), SUM(won_amount), SUM(lost_n), SUM(lost_amount)
      FROM analysis_customer GROUP BY 1, 2, 3;

CREATE TRIGGER analysis_customer_oy_insert AFTER INSERT ON opportunities
WHEN NEW.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (NEW.owner_id, substr(NEW.created_at, 1, 4), NEW.customer_id, 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT NEW.owner_id, substr(NEW.closed_on, 1, 4), NEW.customer_id, 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER analysis_customer_oy_delete AFTER DELETE ON opportunities
WHEN OLD.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (OLD.owner_id, substr(OLD.created_at, 1, 4), OLD.customer_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT OLD.owner_id, substr(OLD.closed_on, 1, 4), OLD.customer_id, 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER analysis_customer_oy_update
AFTER UPDATE OF owner_id, customer_id, created_at, amount_cents, probability_bp, closed_on, stage_id ON opportunities
WHEN (OLD.owner_id IS NOT NEW.owner_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.created_at IS NOT NEW.created_at
  OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.probability_bp IS NOT NEW.probability_bp
  OR OLD.closed_on IS NOT NEW.closed_on OR OLD.stage_id IS NOT NEW.stage_id)
 AND OLD.id < COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)
BEGIN
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (OLD.owner_id, substr(OLD.created_at, 1, 4), OLD.customer_id, -1, -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31),
                -((OLD.amount_cents * OLD.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT OLD.owner_id, substr(OLD.closed_on, 1, 4), OLD.customer_id, 0, 0, 0, 0, -(k.won), -(k.won * OLD.amount_cents), -(1 - k.won), -((1 - k.won) * OLD.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = OLD.stage_id), 0) AS won) k
         WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        VALUES (NEW.owner_id, substr(NEW.created_at, 1, 4), NEW.customer_id, 1, NEW.amount_cents, ((NEW.amount_cents * NEW.probability_bp) >> 31),
                ((NEW.amount_cents * NEW.probability_bp) & 2147483647), 0, 0, 0, 0)
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT NEW.owner_id, substr(NEW.closed_on, 1, 4), NEW.customer_id, 0, 0, 0, 0, (k.won), (k.won * NEW.amount_cents), (1 - k.won), ((1 - k.won) * NEW.amount_cents)
          FROM (SELECT COALESCE((SELECT kind = 'won' FROM stages WHERE id = NEW.stage_id), 0) AS won) k
         WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER analysis_customer_oy_stage_kind AFTER UPDATE OF kind ON stages
WHEN (OLD.kind = 'won') IS NOT (NEW.kind = 'won')
BEGIN
    INSERT INTO analysis_customer_owner_year (owner_id, year, customer_id, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
        SELECT owner_id, substr(closed_on, 1, 4), customer_id, 0, 0, 0, 0,
               CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN 1 ELSE -1 END * SUM(amount_cents),
               CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * COUNT(*), CASE WHEN NEW.kind = 'won' THEN -1 ELSE 1 END * SUM(amount_cents)
          FROM opportunities WHERE stage_id = NEW.id AND closed_on <> '' GROUP BY 1, 2, 3
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi,
           w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n, won_amount = won_amount + excluded.won_amount,
           lost_n = lost_n + excluded.lost_n, lost_amount = lost_amount + excluded.lost_amount;
END;

-- analysis_created_all and analysis_closed_all: analysis_created and
-- analysis_closed (migration 0026) summed over owners, for the company:
-- its year of analysis_closed is ~85,000 rows to group (owner × month ×
-- type × source × stage × lost reason × competitor), a twentieth here.
-- Kept by the same triggers as 0026's, less the owner.
CREATE TABLE analysis_created_all (
    month    TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    stage_id INTEGER NOT NULL,
    seen     INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    w_hi     INTEGER NOT NULL DEFAULT 0,
    w_lo     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, type, source, stage_id, seen)
) WITHOUT ROWID;

CREATE TABLE analysis_closed_all (
    month       TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    stage_id    INTEGER NOT NULL,
    lost_reason TEXT    NOT NULL,
    competitor  TEXT    NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    amount      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, type, source, stage_id, lost_reason, competitor)
) WITHOUT ROWID;

INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
    SELECT month, type, source, stage_id, seen, SUM(n), SUM(amount), SUM(w_hi), SUM(w_lo)
      FROM analysis_created GROUP BY 1, 2, 3, 4, 5;
INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
    SELECT month, type, source, stage_id, lost_reason, competitor, SUM(n), SUM(amount)
      FROM analysis_closed GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER analysis_kept_all_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(NEW.created_at, 1, 7), NEW.type, NEW.source, NEW.stage_id, NEW.stages_seen, 1,
                NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(NEW.closed_on, 1, 7), NEW.type, NEW.source, NEW.stage_id, NEW.lost_reason, NEW.competitor, 1,
               NEW.amount_cents WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER analysis_kept_all_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(OLD.created_at, 1, 7), OLD.type, OLD.source, OLD.stage_id, OLD.stages_seen, -1,
                -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(OLD.closed_on, 1, 7), OLD.type, OLD.source, OLD.stage_id, OLD.lost_reason, OLD.competitor, -1,
               -OLD.amount_cents WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER analysis_kept_all_update_created
AFTER UPDATE OF created_at, owner_id, type, source, stage_id, stages_seen, amount_cents, probability_bp ON opportunities
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.type IS NOT NEW.type
  OR OLD.source IS NOT NEW.source OR OLD.stage_id IS NOT NEW.stage_id OR OLD.stages_seen IS NOT NEW.stages_seen
  OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.probability_bp IS NOT NEW.probability_bp
BEGIN
    INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(OLD.created_at, 1, 7), OLD.type, OLD.source, OLD.stage_id, OLD.stages_seen, -1,
                -OLD.amount_cents, -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
        VALUES (substr(NEW.created_at, 1, 7), NEW.type, NEW.source, NEW.stage_id, NEW.stages_seen, 1,
                NEW.amount_cents, (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount,
           w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER analysis_kept_all_update_closed
AFTER UPDATE OF closed_on, owner_id, type, source, stage_id, amount_cents, lost_reason, competitor ON opportunities
WHEN OLD.closed_on IS NOT NEW.closed_on OR OLD.owner_id IS NOT NEW.owner_id OR OLD.type IS NOT NEW.type
  OR OLD.source IS NOT NEW.source OR OLD.stage_id IS NOT NEW.stage_id OR OLD.amount_cents IS NOT NEW.amount_cents
  OR OLD.lost_reason IS NOT NEW.lost_reason OR OLD.competitor IS NOT NEW.competitor
BEGIN
    INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(OLD.closed_on, 1, 7), OLD.type, OLD.source, OLD.stage_id, OLD.lost_reason, OLD.competitor, -1,
               -OLD.amount_cents WHERE OLD.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
        SELECT substr(NEW.closed_on, 1, 7), NEW.type, NEW.source, NEW.stage_id, NEW.lost_reason, NEW.competitor, 1,
               NEW.amount_cents WHERE NEW.closed_on <> ''
        ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;
