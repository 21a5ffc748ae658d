-- Pipeline changes between two dates (report changes) kept at write time,
-- so that the report reads what the screen shows instead of rebuilding
-- every opportunity changed after day A (about 5 µs each in SQLite).
--
-- change_marks: one row per opportunity and day on which its state at the
-- end of the day differs from its state at the end of the day before (its
-- creation day included). The state at the end of a day is the report's
-- (backend/changes): its values now, each field set back to the old value
-- of its first change dated after the day (stage_history and the field
-- history, by changed_at); it exists from the day it was created. So a
-- mark holds the state before the day's first change (sa … ca: the state at
-- the end of the previous mark's day, prev; NULL on the creation mark) and
-- at the end of the day (sb … cb); next is the following mark's day. The
-- last mark's state is the opportunity's now.
--
-- The rows are a pure function of an opportunity and its history rows
-- (the view change_marks_fresh): every write that can change them rebuilds
-- that opportunity's few marks (the triggers at the end), whatever wrote
-- it, and in whatever order the clock dated its history. The bulk import
-- pauses the per-row triggers and adds its new opportunities' marks once
-- (store.ImportWriter.Finish).
--
-- What can be summed, and what cannot (the rule the reader relies on):
--   - the funnel is additive: change_funnel holds, per day, owner and
--     stage, what the marks of that day changed (− the state before, + the
--     state after, each under its own owner), and under day '~' the sum of
--     all days, which is the funnel now. The funnel at the end of day X =
--     '~' − Σ days after X, per owner at X;
--   - a kind of change (won, raised, reassigned …) compares an
--     opportunity's state at A with its state at B, so it is additive only
--     for an opportunity with a single mark in (A, B]: then that mark's own
--     before and after ARE its states at A and B. change_kinds holds, per
--     day and owner after the mark, each mark's own kinds (stage moves as
--     from-stage → to-stage pairs, which the reader classifies with today's
--     stage order and outcomes). The reader sums them for (A, B] and
--     corrects for the opportunities with two or more marks in (A, B]: it
--     takes their marks' kinds out and adds the kinds of their net change
--     (first mark's before → last mark's after). Those are found through
--     change_marks_prev (a mark whose prev lies inside (A, B)).
--   - the owner filter takes the owner at B for both columns: the funnel at
--     A is kept per owner at A, so the opportunities reassigned between A
--     and B into or out of the owners are moved by the reader, from the
--     reassigned marks (change_marks_out / change_marks_k9_owner).
CREATE TABLE change_marks (
    opp  INTEGER NOT NULL,
    day  TEXT    NOT NULL,
    prev TEXT,
    next TEXT,
    sa INTEGER, aa INTEGER, pa INTEGER, oa INTEGER, ca TEXT,
    sb INTEGER, ab INTEGER, pb INTEGER, ob INTEGER, cb TEXT,
    PRIMARY KEY (opp, day)
) WITHOUT ROWID;

-- Σ amount × probability in two parts, as stage_totals (0018).
CREATE TABLE change_funnel (
    day    TEXT    NOT NULL,
    owner  INTEGER NOT NULL,
    stage  INTEGER NOT NULL,
    n      INTEGER NOT NULL DEFAULT 0,
    amount INTEGER NOT NULL DEFAULT 0,
    w_hi   INTEGER NOT NULL DEFAULT 0,
    w_lo   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner, stage)
) WITHOUT ROWID;

-- k: -1 a stage move from sa to sb; else the bit of backend/changes' kind
-- (0 new, 5 raised, 6 lowered, 7 pushedOut, 8 pulledIn, 9 reassigned) with
-- sa = sb = 0. amount_a is the amount at the mark's before (0 when new).
CREATE TABLE change_kinds (
    day      TEXT    NOT NULL,
    owner    INTEGER NOT NULL,
    k        INTEGER NOT NULL,
    sa       INTEGER NOT NULL,
    sb       INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount_a INTEGER NOT NULL DEFAULT 0,
    amount_b INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner, k, sa, sb)
) WITHOUT ROWID;

-- The state of an opportunity at the end of each day on which something of
-- it is dated, from its creation on.
CREATE VIEW change_states AS
SELECT d.opp, d.day,
    COALESCE((SELECT COALESCE(h.from_stage_id, h.to_stage_id) FROM stage_history h
        WHERE h.opportunity_id = d.opp AND length(h.changed_at) >= 10 AND substr(h.changed_at, 1, 10) > d.day
        ORDER BY h.changed_at, h.id LIMIT 1), o.stage_id) AS s,
    COALESCE((SELECT COALESCE(f.old_value, 0) FROM opportunity_field_history f
        WHERE f.opportunity_id = d.opp AND f.field = 'amount' AND length(f.changed_at) >= 10 AND substr(f.changed_at, 1, 10) > d.day
        ORDER BY f.changed_at, f.id LIMIT 1), o.amount_cents) AS a,
    COALESCE((SELECT COALESCE(f.old_value, 0) FROM opportunity_field_history f
        WHERE f.opportunity_id = d.opp AND f.field = 'probability' AND length(f.changed_at) >= 10 AND substr(f.changed_at, 1, 10) > d.day
        ORDER BY f.changed_at, f.id LIMIT 1), o.probability_bp) AS p,
    COALESCE((SELECT COALESCE(f.old_value, 0) FROM opportunity_field_history f
        WHERE f.opportunity_id = d.opp AND f.field = 'owner' AND length(f.changed_at) >= 10 AND substr(f.changed_at, 1, 10) > d.day
        ORDER BY f.changed_at, f.id LIMIT 1), o.owner_id) AS o,
    COALESCE((SELECT COALESCE(f.old_value, '') FROM opportunity_field_history f
        WHERE f.opportunity_id = d.opp AND f.field = 'close' AND length(f.changed_at) >= 10 AND substr(f.changed_at, 1, 10) > d.day
        ORDER BY f.changed_at, f.id LIMIT 1), o.expected_close) AS c
FROM (SELECT opportunity_id AS opp, substr(changed_at, 1, 10) AS day FROM stage_history WHERE length(changed_at) >= 10
      UNION SELECT opportunity_id, substr(changed_at, 1, 10) FROM opportunity_field_history WHERE length(changed_at) >= 10
      UNION SELECT id, CASE WHEN length(created_at) < 10 THEN '' ELSE substr(created_at, 1, 10) END FROM opportunities) d
JOIN opportunities o ON o.id = d.opp
WHERE d.day >= CASE WHEN length(o.created_at) < 10 THEN '' ELSE substr(o.created_at, 1, 10) END;

-- The marks as they should be: the days whose state differs from the day
-- before's, each with the state before and after.
CREATE VIEW change_marks_fresh AS
SELECT opp, day, LAG(day) OVER w AS prev, LEAD(day) OVER w AS next,
    LAG(s) OVER w AS sa, LAG(a) OVER w AS aa, LAG(p) OVER w AS pa, LAG(o) OVER w AS oa, LAG(c) OVER w AS ca,
    s AS sb, a AS ab, p AS pb, o AS ob, c AS cb
FROM (SELECT *, (LAG(day) OVER v IS NULL OR s IS NOT LAG(s) OVER v OR a IS NOT LAG(a) OVER v
        OR p IS NOT LAG(p) OVER v OR o IS NOT LAG(o) OVER v OR c IS NOT LAG(c) OVER v) AS moved
      FROM change_states WINDOW v AS (PARTITION BY opp ORDER BY day))
WHERE moved
WINDOW w AS (PARTITION BY opp ORDER BY day);

-- The fill: change_marks_fresh for every opportunity at once, in a few
-- sorts instead of a look into the history per opportunity and day (the
-- same statement as store.fillChangeMarks): a field's value at the end of
-- a day is the old value of its first change on the next day that has
-- one, found as the smallest "day|old" among the following days.
INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
WITH ev AS (
    SELECT opportunity_id AS opp, 0 AS f, substr(changed_at, 1, 10) AS day, changed_at AS at, id,
           COALESCE(from_stage_id, to_stage_id) AS old
      FROM stage_history WHERE length(changed_at) >= 10
    UNION ALL
    SELECT opportunity_id, CASE field WHEN 'amount' THEN 1 WHEN 'probability' THEN 2 WHEN 'owner' THEN 3 ELSE 4 END,
           substr(changed_at, 1, 10), changed_at, id,
           CASE WHEN field = 'close' THEN COALESCE(old_value, '') ELSE COALESCE(old_value, 0) END
      FROM opportunity_field_history WHERE length(changed_at) >= 10 AND field IN ('amount', 'probability', 'owner', 'close')),
firsts AS (SELECT opp, f, day, old FROM (
    SELECT opp, f, day, old, ROW_NUMBER() OVER (PARTITION BY opp, f, day ORDER BY at, id) AS rn FROM ev) WHERE rn = 1),
days AS (
    SELECT opp, day, MAX(CASE WHEN f = 0 THEN day || '|' || old END) AS e0, MAX(CASE WHEN f = 1 THEN day || '|' || old END) AS e1,
           MAX(CASE WHEN f = 2 THEN day || '|' || old END) AS e2, MAX(CASE WHEN f = 3 THEN day || '|' || old END) AS e3,
           MAX(CASE WHEN f = 4 THEN day || '|' || old END) AS e4
      FROM (SELECT opp, f, day, old FROM firsts
            UNION ALL SELECT id, -1, CASE WHEN length(created_at) < 10 THEN '' ELSE substr(created_at, 1, 10) END, NULL FROM opportunities)
     GROUP BY opp, day),
states AS (
    SELECT d.opp, d.day,
           COALESCE(CAST(substr(MIN(d.e0) OVER w, 12) AS INTEGER), o.stage_id) AS s,
           COALESCE(CAST(substr(MIN(d.e1) OVER w, 12) AS INTEGER), o.amount_cents) AS a,
           COALESCE(CAST(substr(MIN(d.e2) OVER w, 12) AS INTEGER), o.probability_bp) AS p,
           COALESCE(CAST(substr(MIN(d.e3) OVER w, 12) AS INTEGER), o.owner_id) AS o,
           COALESCE(substr(MIN(d.e4) OVER w, 12), o.expected_close) AS c,
           CASE WHEN length(o.created_at) < 10 THEN '' ELSE substr(o.created_at, 1, 10) END AS cday
      FROM days d JOIN opportunities o ON o.id = d.opp
    WINDOW w AS (PARTITION BY d.opp ORDER BY d.day ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)),
moved AS (
    SELECT *, (LAG(day) OVER v IS NULL OR s IS NOT LAG(s) OVER v OR a IS NOT LAG(a) OVER v
              OR p IS NOT LAG(p) OVER v OR o IS NOT LAG(o) OVER v OR c IS NOT LAG(c) OVER v) AS m
      FROM states WHERE day >= cday WINDOW v AS (PARTITION BY opp ORDER BY day))
SELECT opp, day, LAG(day) OVER w, LEAD(day) OVER w,
       LAG(s) OVER w, LAG(a) OVER w, LAG(p) OVER w, LAG(o) OVER w, LAG(c) OVER w, s, a, p, o, c
  FROM moved WHERE m
WINDOW w AS (PARTITION BY opp ORDER BY day);

CREATE TRIGGER change_marks_insert AFTER INSERT ON change_marks
BEGIN
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT NEW.day, NEW.oa, NEW.sa, -1, -NEW.aa, -((NEW.aa * NEW.pa) >> 31), -((NEW.aa * NEW.pa) & 2147483647)
        WHERE NEW.prev IS NOT NULL AND (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT NEW.day, NEW.ob, NEW.sb, 1, NEW.ab, (NEW.ab * NEW.pb) >> 31, (NEW.ab * NEW.pb) & 2147483647
        WHERE NEW.prev IS NULL OR (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', NEW.oa, NEW.sa, -1, -NEW.aa, -((NEW.aa * NEW.pa) >> 31), -((NEW.aa * NEW.pa) & 2147483647)
        WHERE NEW.prev IS NOT NULL AND (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', NEW.ob, NEW.sb, 1, NEW.ab, (NEW.ab * NEW.pb) >> 31, (NEW.ab * NEW.pb) & 2147483647
        WHERE NEW.prev IS NULL OR (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, -1, NEW.sa, NEW.sb, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.sa <> NEW.sb
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 0, 0, 0, 1, 0, NEW.ab WHERE NEW.prev IS NULL
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 5, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ab > NEW.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 6, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ab < NEW.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 7, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ca <> '' AND NEW.cb <> '' AND NEW.cb > NEW.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 8, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ca <> '' AND NEW.cb <> '' AND NEW.cb < NEW.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 9, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.oa <> NEW.ob
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
END;

CREATE TRIGGER change_marks_delete AFTER DELETE ON change_marks
BEGIN
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT OLD.day, OLD.oa, OLD.sa, -(-1), -(-OLD.aa), -(-((OLD.aa * OLD.pa) >> 31)), -(-((OLD.aa * OLD.pa) & 2147483647))
        WHERE OLD.prev IS NOT NULL AND (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT OLD.day, OLD.ob, OLD.sb, -(1), -(OLD.ab), -((OLD.ab * OLD.pb) >> 31), -((OLD.ab * OLD.pb) & 2147483647)
        WHERE OLD.prev IS NULL OR (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', OLD.oa, OLD.sa, -(-1), -(-OLD.aa), -(-((OLD.aa * OLD.pa) >> 31)), -(-((OLD.aa * OLD.pa) & 2147483647))
        WHERE OLD.prev IS NOT NULL AND (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', OLD.ob, OLD.sb, -(1), -(OLD.ab), -((OLD.ab * OLD.pb) >> 31), -((OLD.ab * OLD.pb) & 2147483647)
        WHERE OLD.prev IS NULL OR (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, -1, OLD.sa, OLD.sb, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.sa <> OLD.sb
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 0, 0, 0, -(1), -(0), -(OLD.ab) WHERE OLD.prev IS NULL
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 5, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ab > OLD.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 6, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ab < OLD.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 7, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ca <> '' AND OLD.cb <> '' AND OLD.cb > OLD.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 8, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ca <> '' AND OLD.cb <> '' AND OLD.cb < OLD.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 9, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.oa <> OLD.ob
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
END;

-- prev and next alone move no sum.
CREATE TRIGGER change_marks_update AFTER UPDATE ON change_marks
WHEN (OLD.prev IS NULL, OLD.sa, OLD.aa, OLD.pa, OLD.oa, OLD.ca, OLD.sb, OLD.ab, OLD.pb, OLD.ob, OLD.cb, OLD.day)
  IS NOT (NEW.prev IS NULL, NEW.sa, NEW.aa, NEW.pa, NEW.oa, NEW.ca, NEW.sb, NEW.ab, NEW.pb, NEW.ob, NEW.cb, NEW.day)
BEGIN
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT OLD.day, OLD.oa, OLD.sa, -(-1), -(-OLD.aa), -(-((OLD.aa * OLD.pa) >> 31)), -(-((OLD.aa * OLD.pa) & 2147483647))
        WHERE OLD.prev IS NOT NULL AND (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT OLD.day, OLD.ob, OLD.sb, -(1), -(OLD.ab), -((OLD.ab * OLD.pb) >> 31), -((OLD.ab * OLD.pb) & 2147483647)
        WHERE OLD.prev IS NULL OR (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', OLD.oa, OLD.sa, -(-1), -(-OLD.aa), -(-((OLD.aa * OLD.pa) >> 31)), -(-((OLD.aa * OLD.pa) & 2147483647))
        WHERE OLD.prev IS NOT NULL AND (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', OLD.ob, OLD.sb, -(1), -(OLD.ab), -((OLD.ab * OLD.pb) >> 31), -((OLD.ab * OLD.pb) & 2147483647)
        WHERE OLD.prev IS NULL OR (OLD.oa, OLD.sa, OLD.aa, OLD.pa) IS NOT (OLD.ob, OLD.sb, OLD.ab, OLD.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, -1, OLD.sa, OLD.sb, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.sa <> OLD.sb
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 0, 0, 0, -(1), -(0), -(OLD.ab) WHERE OLD.prev IS NULL
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 5, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ab > OLD.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 6, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ab < OLD.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 7, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ca <> '' AND OLD.cb <> '' AND OLD.cb > OLD.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 8, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.ca <> '' AND OLD.cb <> '' AND OLD.cb < OLD.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT OLD.day, OLD.ob, 9, 0, 0, -(1), -(OLD.aa), -(OLD.ab) WHERE OLD.prev IS NOT NULL AND OLD.oa <> OLD.ob
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT NEW.day, NEW.oa, NEW.sa, -1, -NEW.aa, -((NEW.aa * NEW.pa) >> 31), -((NEW.aa * NEW.pa) & 2147483647)
        WHERE NEW.prev IS NOT NULL AND (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT NEW.day, NEW.ob, NEW.sb, 1, NEW.ab, (NEW.ab * NEW.pb) >> 31, (NEW.ab * NEW.pb) & 2147483647
        WHERE NEW.prev IS NULL OR (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', NEW.oa, NEW.sa, -1, -NEW.aa, -((NEW.aa * NEW.pa) >> 31), -((NEW.aa * NEW.pa) & 2147483647)
        WHERE NEW.prev IS NOT NULL AND (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
        SELECT '~', NEW.ob, NEW.sb, 1, NEW.ab, (NEW.ab * NEW.pb) >> 31, (NEW.ab * NEW.pb) & 2147483647
        WHERE NEW.prev IS NULL OR (NEW.oa, NEW.sa, NEW.aa, NEW.pa) IS NOT (NEW.ob, NEW.sb, NEW.ab, NEW.pb)
        ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
            w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, -1, NEW.sa, NEW.sb, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.sa <> NEW.sb
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 0, 0, 0, 1, 0, NEW.ab WHERE NEW.prev IS NULL
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 5, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ab > NEW.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 6, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ab < NEW.aa
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 7, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ca <> '' AND NEW.cb <> '' AND NEW.cb > NEW.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 8, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.ca <> '' AND NEW.cb <> '' AND NEW.cb < NEW.ca
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
    INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
        SELECT NEW.day, NEW.ob, 9, 0, 0, 1, NEW.aa, NEW.ab WHERE NEW.prev IS NOT NULL AND NEW.oa <> NEW.ob
        ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
            amount_b = amount_b + excluded.amount_b;
END;

-- Keeping the marks. The common write (an edit now, dated after everything
-- the opportunity has) only moves the state from its day on: touch() sets
-- that field of the day's mark (adding the mark, or dropping one that no
-- longer moves anything): a few rows by key. Anything else (the clock set
-- back, a history row written out of order, removed or re-dated, a
-- re-dated creation, a restored opportunity's history) rebuilds the
-- opportunity's marks from change_marks_fresh (rebuild()).
--
-- A stage change is written with its stage_history row (every writer
-- does: opportunity.write, the importers, the demo), in either order; the
-- four other fields get theirs from migration 0020's triggers. So the
-- touch takes the history row's new value, and the row's own update is
-- watched only for created_at and the case below.

CREATE TRIGGER change_marks_opp_insert AFTER INSERT ON opportunities
WHEN NOT EXISTS (SELECT 1 FROM stage_history WHERE opportunity_id = NEW.id)
 AND NOT EXISTS (SELECT 1 FROM opportunity_field_history WHERE opportunity_id = NEW.id)
BEGIN
    INSERT INTO change_marks (opp, day, sb, ab, pb, ob, cb)
        VALUES (NEW.id, CASE WHEN length(NEW.created_at) < 10 THEN '' ELSE substr(NEW.created_at, 1, 10) END,
                NEW.stage_id, NEW.amount_cents, NEW.probability_bp, NEW.owner_id, NEW.expected_close);
END;

CREATE TRIGGER change_marks_opp_insert_history AFTER INSERT ON opportunities
WHEN EXISTS (SELECT 1 FROM stage_history WHERE opportunity_id = NEW.id)
  OR EXISTS (SELECT 1 FROM opportunity_field_history WHERE opportunity_id = NEW.id)
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_opp_created AFTER UPDATE OF created_at ON opportunities
WHEN OLD.created_at IS NOT NEW.created_at
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

-- A stage move whose stage_history row came first and was rebuilt then
-- (from the stage the row still had) is rebuilt again now. When the row is
-- updated first (opportunity.write), its history row, next, touches.

CREATE TRIGGER change_marks_opp_stage AFTER UPDATE OF stage_id ON opportunities
WHEN OLD.stage_id IS NOT NEW.stage_id
  AND (SELECT to_stage_id FROM stage_history WHERE opportunity_id = NEW.id ORDER BY id DESC LIMIT 1) IS NEW.stage_id
  AND (SELECT sb FROM change_marks WHERE opp = NEW.id ORDER BY day DESC LIMIT 1) IS NOT NEW.stage_id
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_opp_delete AFTER DELETE ON opportunities
BEGIN
    DELETE FROM change_marks WHERE opp = OLD.id;
END;

CREATE TRIGGER change_marks_stage_insert AFTER INSERT ON stage_history
WHEN length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND sb IS COALESCE(NEW.from_stage_id, NEW.to_stage_id)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
BEGIN
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, substr(NEW.changed_at, 1, 10), day, NULL, sb, ab, pb, ob, cb, NEW.to_stage_id, ab, pb, ob, cb
          FROM (SELECT * FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
         WHERE day < substr(NEW.changed_at, 1, 10) AND sb IS NOT NEW.to_stage_id;
    UPDATE change_marks SET next = substr(NEW.changed_at, 1, 10)
     WHERE opp = NEW.opportunity_id AND next IS NULL AND day < substr(NEW.changed_at, 1, 10)
       AND EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
    UPDATE change_marks SET sb = NEW.to_stage_id
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND sb IS NOT NEW.to_stage_id;
    DELETE FROM change_marks
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND prev IS NOT NULL
       AND (sa, aa, pa, oa, ca) IS (sb, ab, pb, ob, cb);
    UPDATE change_marks SET next = NULL
     WHERE opp = NEW.opportunity_id AND next = substr(NEW.changed_at, 1, 10)
       AND NOT EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
END;

CREATE TRIGGER change_marks_stage_insert_rebuild AFTER INSERT ON stage_history
WHEN NOT (length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND sb IS COALESCE(NEW.from_stage_id, NEW.to_stage_id)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1))
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_stage_update AFTER UPDATE ON stage_history
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_stage_update_old AFTER UPDATE OF opportunity_id ON stage_history
WHEN OLD.opportunity_id IS NOT NEW.opportunity_id
BEGIN
    DELETE FROM change_marks WHERE opp = OLD.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = OLD.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = OLD.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_stage_delete AFTER DELETE ON stage_history
WHEN EXISTS (SELECT 1 FROM opportunities WHERE id = OLD.opportunity_id)
  AND NOT (OLD.from_stage_id IS NULL AND OLD.to_stage_id IS (SELECT stage_id FROM opportunities WHERE id = OLD.opportunity_id)
           AND NOT EXISTS (SELECT 1 FROM stage_history WHERE opportunity_id = OLD.opportunity_id))
BEGIN
    DELETE FROM change_marks WHERE opp = OLD.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = OLD.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = OLD.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_amount AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'amount' AND length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND ab IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
BEGIN
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, substr(NEW.changed_at, 1, 10), day, NULL, sb, ab, pb, ob, cb, sb, COALESCE(NEW.new_value, 0), pb, ob, cb
          FROM (SELECT * FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
         WHERE day < substr(NEW.changed_at, 1, 10) AND ab IS NOT COALESCE(NEW.new_value, 0);
    UPDATE change_marks SET next = substr(NEW.changed_at, 1, 10)
     WHERE opp = NEW.opportunity_id AND next IS NULL AND day < substr(NEW.changed_at, 1, 10)
       AND EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
    UPDATE change_marks SET ab = COALESCE(NEW.new_value, 0)
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND ab IS NOT COALESCE(NEW.new_value, 0);
    DELETE FROM change_marks
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND prev IS NOT NULL
       AND (sa, aa, pa, oa, ca) IS (sb, ab, pb, ob, cb);
    UPDATE change_marks SET next = NULL
     WHERE opp = NEW.opportunity_id AND next = substr(NEW.changed_at, 1, 10)
       AND NOT EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
END;

CREATE TRIGGER change_marks_field_amount_rebuild AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'amount' AND NOT (length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND ab IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1))
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_probability AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'probability' AND length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND pb IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
BEGIN
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, substr(NEW.changed_at, 1, 10), day, NULL, sb, ab, pb, ob, cb, sb, ab, COALESCE(NEW.new_value, 0), ob, cb
          FROM (SELECT * FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
         WHERE day < substr(NEW.changed_at, 1, 10) AND pb IS NOT COALESCE(NEW.new_value, 0);
    UPDATE change_marks SET next = substr(NEW.changed_at, 1, 10)
     WHERE opp = NEW.opportunity_id AND next IS NULL AND day < substr(NEW.changed_at, 1, 10)
       AND EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
    UPDATE change_marks SET pb = COALESCE(NEW.new_value, 0)
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND pb IS NOT COALESCE(NEW.new_value, 0);
    DELETE FROM change_marks
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND prev IS NOT NULL
       AND (sa, aa, pa, oa, ca) IS (sb, ab, pb, ob, cb);
    UPDATE change_marks SET next = NULL
     WHERE opp = NEW.opportunity_id AND next = substr(NEW.changed_at, 1, 10)
       AND NOT EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
END;

CREATE TRIGGER change_marks_field_probability_rebuild AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'probability' AND NOT (length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND pb IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1))
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_owner AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'owner' AND length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND ob IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
BEGIN
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, substr(NEW.changed_at, 1, 10), day, NULL, sb, ab, pb, ob, cb, sb, ab, pb, COALESCE(NEW.new_value, 0), cb
          FROM (SELECT * FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
         WHERE day < substr(NEW.changed_at, 1, 10) AND ob IS NOT COALESCE(NEW.new_value, 0);
    UPDATE change_marks SET next = substr(NEW.changed_at, 1, 10)
     WHERE opp = NEW.opportunity_id AND next IS NULL AND day < substr(NEW.changed_at, 1, 10)
       AND EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
    UPDATE change_marks SET ob = COALESCE(NEW.new_value, 0)
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND ob IS NOT COALESCE(NEW.new_value, 0);
    DELETE FROM change_marks
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND prev IS NOT NULL
       AND (sa, aa, pa, oa, ca) IS (sb, ab, pb, ob, cb);
    UPDATE change_marks SET next = NULL
     WHERE opp = NEW.opportunity_id AND next = substr(NEW.changed_at, 1, 10)
       AND NOT EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
END;

CREATE TRIGGER change_marks_field_owner_rebuild AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'owner' AND NOT (length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND ob IS COALESCE(NEW.old_value, 0)
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1))
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_close AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'close' AND length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND cb IS COALESCE(NEW.old_value, '')
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
BEGIN
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, substr(NEW.changed_at, 1, 10), day, NULL, sb, ab, pb, ob, cb, sb, ab, pb, ob, COALESCE(NEW.new_value, '')
          FROM (SELECT * FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1)
         WHERE day < substr(NEW.changed_at, 1, 10) AND cb IS NOT COALESCE(NEW.new_value, '');
    UPDATE change_marks SET next = substr(NEW.changed_at, 1, 10)
     WHERE opp = NEW.opportunity_id AND next IS NULL AND day < substr(NEW.changed_at, 1, 10)
       AND EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
    UPDATE change_marks SET cb = COALESCE(NEW.new_value, '')
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND cb IS NOT COALESCE(NEW.new_value, '');
    DELETE FROM change_marks
     WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10) AND prev IS NOT NULL
       AND (sa, aa, pa, oa, ca) IS (sb, ab, pb, ob, cb);
    UPDATE change_marks SET next = NULL
     WHERE opp = NEW.opportunity_id AND next = substr(NEW.changed_at, 1, 10)
       AND NOT EXISTS (SELECT 1 FROM change_marks WHERE opp = NEW.opportunity_id AND day = substr(NEW.changed_at, 1, 10));
END;

CREATE TRIGGER change_marks_field_close_rebuild AFTER INSERT ON opportunity_field_history
WHEN NEW.field = 'close' AND NOT (length(NEW.changed_at) >= 10
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM opportunity_field_history WHERE opportunity_id = NEW.opportunity_id AND id <> NEW.id), '')
  AND NEW.changed_at >= COALESCE((SELECT MAX(changed_at) FROM stage_history WHERE opportunity_id = NEW.opportunity_id), '')
  AND (SELECT day <= substr(NEW.changed_at, 1, 10) AND cb IS COALESCE(NEW.old_value, '')
       FROM change_marks WHERE opp = NEW.opportunity_id ORDER BY day DESC LIMIT 1))
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_update AFTER UPDATE ON opportunity_field_history
BEGIN
    DELETE FROM change_marks WHERE opp = NEW.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = NEW.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = NEW.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_update_old AFTER UPDATE OF opportunity_id ON opportunity_field_history
WHEN OLD.opportunity_id IS NOT NEW.opportunity_id
BEGIN
    DELETE FROM change_marks WHERE opp = OLD.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = OLD.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = OLD.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

CREATE TRIGGER change_marks_field_delete AFTER DELETE ON opportunity_field_history
WHEN EXISTS (SELECT 1 FROM opportunities WHERE id = OLD.opportunity_id)
BEGIN
    DELETE FROM change_marks WHERE opp = OLD.opportunity_id
       AND day NOT IN (SELECT day FROM change_marks_fresh WHERE opp = OLD.opportunity_id);
    INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
        SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = OLD.opportunity_id AND 1
        ON CONFLICT (opp, day) DO UPDATE SET prev = excluded.prev, next = excluded.next,
            sa = excluded.sa, aa = excluded.aa, pa = excluded.pa, oa = excluded.oa, ca = excluded.ca,
            sb = excluded.sb, ab = excluded.ab, pb = excluded.pb, ob = excluded.ob, cb = excluded.cb
        WHERE (prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb) IS NOT
              (excluded.prev, excluded.next, excluded.sa, excluded.aa, excluded.pa, excluded.oa, excluded.ca,
               excluded.sb, excluded.ab, excluded.pb, excluded.ob, excluded.cb);
END;

-- The sums of the marks filled in above (store.changeSumsSQL is the same
-- for a range of opportunities).
INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo)
SELECT d, o, s, SUM(n), SUM(a), SUM(hi), SUM(lo) FROM (
    SELECT day AS d, oa AS o, sa AS s, -1 AS n, -aa AS a, -((aa * pa) >> 31) AS hi, -((aa * pa) & 2147483647) AS lo
      FROM change_marks WHERE prev IS NOT NULL AND (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb)
    UNION ALL
    SELECT '~', oa, sa, -1, -aa, -((aa * pa) >> 31), -((aa * pa) & 2147483647)
      FROM change_marks WHERE prev IS NOT NULL AND (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb)
    UNION ALL
    SELECT day, ob, sb, 1, ab, (ab * pb) >> 31, (ab * pb) & 2147483647
      FROM change_marks WHERE prev IS NULL OR (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb)
    UNION ALL
    SELECT '~', ob, sb, 1, ab, (ab * pb) >> 31, (ab * pb) & 2147483647
      FROM change_marks WHERE prev IS NULL OR (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb))
GROUP BY d, o, s
ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
    w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;

INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b)
SELECT day, ob, k, ksa, ksb, COUNT(*), SUM(xa), SUM(ab) FROM (
    SELECT day, ob, -1 AS k, sa AS ksa, sb AS ksb, aa AS xa, ab FROM change_marks WHERE prev IS NOT NULL AND sa <> sb
    UNION ALL SELECT day, ob, 0, 0, 0, 0, ab FROM change_marks WHERE prev IS NULL
    UNION ALL SELECT day, ob, 5, 0, 0, aa, ab FROM change_marks WHERE prev IS NOT NULL AND ab > aa
    UNION ALL SELECT day, ob, 6, 0, 0, aa, ab FROM change_marks WHERE prev IS NOT NULL AND ab < aa
    UNION ALL SELECT day, ob, 7, 0, 0, aa, ab FROM change_marks WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb > ca
    UNION ALL SELECT day, ob, 8, 0, 0, aa, ab FROM change_marks WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb < ca
    UNION ALL SELECT day, ob, 9, 0, 0, aa, ab FROM change_marks WHERE prev IS NOT NULL AND oa <> ob)
GROUP BY day, ob, k, ksa, ksb
ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
    amount_b = amount_b + excluded.amount_b;

-- The opportunities with two or more marks in (A, B]: a mark whose prev
-- lies after A.
CREATE INDEX change_marks_prev ON change_marks(prev, day) WHERE prev IS NOT NULL;
-- Each kind's marks, by day (company-wide) and by owner after the mark, for
-- the listed opportunities: its condition is the index's, word for word
-- (store.markKinds), or SQLite would not use it; the columns of the
-- condition are in the index too, or SQLite reads every row to check it.
CREATE INDEX change_marks_new ON change_marks(day, next, prev) WHERE prev IS NULL;
CREATE INDEX change_marks_new_owner ON change_marks(ob, day, next, prev) WHERE prev IS NULL;
CREATE INDEX change_marks_moved ON change_marks(day, prev, next, sa, sb) WHERE prev IS NOT NULL AND sa <> sb;
CREATE INDEX change_marks_moved_owner ON change_marks(ob, day, prev, next, sa, sb) WHERE prev IS NOT NULL AND sa <> sb;
CREATE INDEX change_marks_k5 ON change_marks(day, prev, next, aa, ab) WHERE prev IS NOT NULL AND ab > aa;
CREATE INDEX change_marks_k5_owner ON change_marks(ob, day, prev, next, aa, ab) WHERE prev IS NOT NULL AND ab > aa;
CREATE INDEX change_marks_k6 ON change_marks(day, prev, next, aa, ab) WHERE prev IS NOT NULL AND ab < aa;
CREATE INDEX change_marks_k6_owner ON change_marks(ob, day, prev, next, aa, ab) WHERE prev IS NOT NULL AND ab < aa;
CREATE INDEX change_marks_k7 ON change_marks(day, prev, next, ca, cb) WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb > ca;
CREATE INDEX change_marks_k7_owner ON change_marks(ob, day, prev, next, ca, cb) WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb > ca;
CREATE INDEX change_marks_k8 ON change_marks(day, prev, next, ca, cb) WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb < ca;
CREATE INDEX change_marks_k8_owner ON change_marks(ob, day, prev, next, ca, cb) WHERE prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb < ca;
CREATE INDEX change_marks_k9 ON change_marks(day, prev, next, oa, ob) WHERE prev IS NOT NULL AND oa <> ob;
CREATE INDEX change_marks_k9_owner ON change_marks(ob, day, prev, next, oa, sa, aa, pa) WHERE prev IS NOT NULL AND oa <> ob;
-- Reassigned out of an owner: the funnel at A moves to the owner at B.
CREATE INDEX change_marks_out ON change_marks(oa, day, prev, next, ob, sa, aa, pa) WHERE prev IS NOT NULL AND oa <> ob;
-- With an owner filter, the opportunities with several marks in (A, B]
-- that concern the owners: a later mark after the owners' (prev), an
-- earlier one before another (next).
CREATE INDEX change_marks_prev_owner ON change_marks(ob, prev, day) WHERE prev IS NOT NULL;
CREATE INDEX change_marks_next_owner ON change_marks(ob, next, day) WHERE next IS NOT NULL;
