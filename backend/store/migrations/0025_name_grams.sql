-- Name search that finds one- and two-character Chinese words in
-- milliseconds (issue 15): each name's bigrams, kept beside the rows by
-- triggers, so a text search reads one index range instead of every name.
-- FTS5's trigram tokenizer needs three characters; 华 or 科技 are what
-- users type.
--
-- A name's grams are substr(lower(name), n, 2) for every position n: the
-- bigram starting there, and at the last position the last character
-- alone. So a name contains
--   one character c      iff it has a gram in [c, c+1) (a bigram starting
--                        with c, or c as its last character);
--   two characters ab    iff it has the gram ab;
--   three or more        only if it has every bigram of them (the reader
--                        checks those candidates with LIKE).
-- lower() folds ASCII only, as LIKE does, so the answers are LIKE's.
-- store/grams.go builds the queries; its test compares them with a full
-- scan. The triggers run inside the writing statement's transaction, so
-- every writer (services, importer, recycle bin, undo, restore) keeps the
-- grams right; store.ImportWriter pauses the insert triggers and adds its
-- rows' grams in one statement, in key order.

CREATE TABLE customer_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO customer_grams (gram, id)
    SELECT DISTINCT lower(substr(t.name, i.n, 2)), t.id
      FROM customers t
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < (SELECT COALESCE(MAX(length(name)), 0) FROM customers))
            SELECT n FROM i) i ON i.n <= length(t.name)
     ORDER BY 1, 2;

CREATE TRIGGER customer_grams_insert AFTER INSERT ON customers
BEGIN
    INSERT OR IGNORE INTO customer_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

CREATE TRIGGER customer_grams_delete AFTER DELETE ON customers
BEGIN
    DELETE FROM customer_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
END;

CREATE TRIGGER customer_grams_update AFTER UPDATE OF id, name ON customers
WHEN OLD.name IS NOT NEW.name OR OLD.id IS NOT NEW.id
BEGIN
    DELETE FROM customer_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
    INSERT OR IGNORE INTO customer_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

CREATE TABLE contact_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO contact_grams (gram, id)
    SELECT DISTINCT lower(substr(t.name, i.n, 2)), t.id
      FROM contacts t
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < (SELECT COALESCE(MAX(length(name)), 0) FROM contacts))
            SELECT n FROM i) i ON i.n <= length(t.name)
     ORDER BY 1, 2;

CREATE TRIGGER contact_grams_insert AFTER INSERT ON contacts
BEGIN
    INSERT OR IGNORE INTO contact_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

CREATE TRIGGER contact_grams_delete AFTER DELETE ON contacts
BEGIN
    DELETE FROM contact_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
END;

CREATE TRIGGER contact_grams_update AFTER UPDATE OF id, name ON contacts
WHEN OLD.name IS NOT NEW.name OR OLD.id IS NOT NEW.id
BEGIN
    DELETE FROM contact_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
    INSERT OR IGNORE INTO contact_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

CREATE TABLE opportunity_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO opportunity_grams (gram, id)
    SELECT DISTINCT lower(substr(t.name, i.n, 2)), t.id
      FROM opportunities t
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < (SELECT COALESCE(MAX(length(name)), 0) FROM opportunities))
            SELECT n FROM i) i ON i.n <= length(t.name)
     ORDER BY 1, 2;

CREATE TRIGGER opportunity_grams_insert AFTER INSERT ON opportunities
BEGIN
    INSERT OR IGNORE INTO opportunity_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

CREATE TRIGGER opportunity_grams_delete AFTER DELETE ON opportunities
BEGIN
    DELETE FROM opportunity_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
END;

CREATE TRIGGER opportunity_grams_update AFTER UPDATE OF id, name ON opportunities
WHEN OLD.name IS NOT NEW.name OR OLD.id IS NOT NEW.id
BEGIN
    DELETE FROM opportunity_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.name, n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.name)) SELECT n FROM i));
    INSERT OR IGNORE INTO opportunity_grams (gram, id)
        SELECT lower(substr(NEW.name, n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.name)) SELECT n FROM i)
         WHERE NEW.name <> '';
END;

-- The opportunity form's source choices skip through each table's source
-- index (store.DistinctSources); customers had none.
CREATE INDEX customers_source ON customers(source);

-- Per-stage totals by expected close month and source, kept like
-- stage_totals (0018) and with the same split of Σ amount × probability,
-- so the funnel and the board of a period (whole months from here, the
-- days of partial months counted) or of sources read a few hundred rows
-- instead of counting hundreds of thousands (store.KeptStageTotals).
-- month is substr(expected_close, 1, 7): '' when there is no date.
-- Removals are upserts of negative amounts, not UPDATEs: an importer's
-- update or delete of a row it inserted may come before it adds its rows'
-- totals (store.ImportWriter), when the group's row does not exist yet.
CREATE TABLE stage_month_totals (
    stage_id INTEGER NOT NULL,
    month    TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    w_hi     INTEGER NOT NULL DEFAULT 0,
    w_lo     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, stage_id, source)
) WITHOUT ROWID;

INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
    SELECT stage_id, substr(expected_close, 1, 7), source, COUNT(*),
           SUM(amount_cents >> 31) * 2147483648 + SUM(amount_cents & 2147483647),
           SUM((amount_cents * probability_bp) >> 31),
           SUM((amount_cents * probability_bp) & 2147483647)
      FROM opportunities GROUP BY 1, 2, 3;

CREATE TRIGGER stage_month_totals_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
        VALUES (NEW.stage_id, substr(NEW.expected_close, 1, 7), NEW.source, 1, NEW.amount_cents,
                (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT (month, stage_id, source) DO UPDATE
       SET n = n + 1, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER stage_month_totals_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
        VALUES (OLD.stage_id, substr(OLD.expected_close, 1, 7), OLD.source, -1, -OLD.amount_cents,
                -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT (month, stage_id, source) DO UPDATE
       SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;

CREATE TRIGGER stage_month_totals_update AFTER UPDATE OF stage_id, amount_cents, probability_bp, expected_close, source ON opportunities
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.amount_cents IS NOT NEW.amount_cents
  OR OLD.probability_bp IS NOT NEW.probability_bp OR OLD.expected_close IS NOT NEW.expected_close
  OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
        VALUES (OLD.stage_id, substr(OLD.expected_close, 1, 7), OLD.source, -1, -OLD.amount_cents,
                -((OLD.amount_cents * OLD.probability_bp) >> 31), -((OLD.amount_cents * OLD.probability_bp) & 2147483647))
        ON CONFLICT (month, stage_id, source) DO UPDATE
       SET n = n + excluded.n, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
    INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
        VALUES (NEW.stage_id, substr(NEW.expected_close, 1, 7), NEW.source, 1, NEW.amount_cents,
                (NEW.amount_cents * NEW.probability_bp) >> 31, (NEW.amount_cents * NEW.probability_bp) & 2147483647)
        ON CONFLICT (month, stage_id, source) DO UPDATE
       SET n = n + 1, amount = amount + excluded.amount, w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo;
END;
