-- Quotes and orders found by number or title from bigrams (issue 15), as
-- migrations 0025 and 0027 do for names and leads: Ctrl+K read every quote
-- and order for a word none holds (28 ms at 60,000 quotes and 100,000
-- orders, on every search). quote_grams and order_grams hold the grams of
-- the number and the title, each on its own: for every position n,
-- lower(substr(field, n, 2)), so the last character alone too; the reader
-- (store/searchtop.go) checks candidates of three or more characters with
-- LIKE on both fields. Every writer of quotes and orders (services, the
-- recycle bin, undo) goes through these triggers; any migration that
-- rebuilds quotes or orders must create them again.

CREATE TABLE quote_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO quote_grams (gram, id)
    SELECT DISTINCT lower(substr(f.t, i.n, 2)), f.id
      FROM (SELECT id, number AS t FROM quotes UNION ALL SELECT id, title FROM quotes) f
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                WHERE n < (SELECT COALESCE(MAX(max(length(number), length(title))), 0) FROM quotes))
            SELECT n FROM i) i ON i.n <= length(f.t)
     ORDER BY 1, 2;

CREATE TRIGGER quote_grams_insert AFTER INSERT ON quotes
BEGIN
    INSERT OR IGNORE INTO quote_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.number AS t UNION ALL SELECT NEW.title) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                    WHERE n < max(length(NEW.number), length(NEW.title))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;

CREATE TRIGGER quote_grams_delete AFTER DELETE ON quotes
BEGIN
    DELETE FROM quote_grams WHERE id = OLD.id;
END;

-- A status, amount or date change (the common writes) leaves the grams.
CREATE TRIGGER quote_grams_update AFTER UPDATE OF id, number, title ON quotes
WHEN OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.title IS NOT NEW.title
BEGIN
    DELETE FROM quote_grams WHERE id = OLD.id;
    INSERT OR IGNORE INTO quote_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.number AS t UNION ALL SELECT NEW.title) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                    WHERE n < max(length(NEW.number), length(NEW.title))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;

CREATE TABLE order_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO order_grams (gram, id)
    SELECT DISTINCT lower(substr(f.t, i.n, 2)), f.id
      FROM (SELECT id, number AS t FROM orders UNION ALL SELECT id, title FROM orders) f
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                WHERE n < (SELECT COALESCE(MAX(max(length(number), length(title))), 0) FROM orders))
            SELECT n FROM i) i ON i.n <= length(f.t)
     ORDER BY 1, 2;

CREATE TRIGGER order_grams_insert AFTER INSERT ON orders
BEGIN
    INSERT OR IGNORE INTO order_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.number AS t UNION ALL SELECT NEW.title) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                    WHERE n < max(length(NEW.number), length(NEW.title))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;

CREATE TRIGGER order_grams_delete AFTER DELETE ON orders
BEGIN
    DELETE FROM order_grams WHERE id = OLD.id;
END;

-- A status, amount or date change (the common writes) leaves the grams.
CREATE TRIGGER order_grams_update AFTER UPDATE OF id, number, title ON orders
WHEN OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.title IS NOT NEW.title
BEGIN
    DELETE FROM order_grams WHERE id = OLD.id;
    INSERT OR IGNORE INTO order_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.number AS t UNION ALL SELECT NEW.title) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                    WHERE n < max(length(NEW.number), length(NEW.title))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;
