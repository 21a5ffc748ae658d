-- The lead list's text search (线索: name, company, contact person, phone)
-- from bigrams, as migration 0025 does for customers, contacts and
-- opportunities: a search of 200,000 leads read every row's four fields
-- (140–300 ms); now it reads one index range.
--
-- lead_grams holds the grams of all four searched fields of a lead, each
-- field on its own (no gram spans two fields): for every position n of a
-- field, lower(substr(field, n, 2)), so its last character alone too. A
-- lead has some field containing
--   one character c   iff it has a gram in [c, c+1);
--   two characters ab iff it has the gram ab;
--   three or more     only if it has their rarest bigram (the reader checks
--                     those candidates with LIKE on the four fields).
-- store/leads.go builds the query (leadTextMatch); TestLeadTextIsLike
-- compares it with a LIKE scan. Every writer of leads (services, the
-- import, the recycle bin, undo) goes through these triggers.

CREATE TABLE lead_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO lead_grams (gram, id)
    SELECT DISTINCT lower(substr(f.t, i.n, 2)), f.id
      FROM (SELECT id, name AS t FROM leads UNION ALL SELECT id, company FROM leads
            UNION ALL SELECT id, contact_name FROM leads UNION ALL SELECT id, phone FROM leads) f
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < (SELECT COALESCE(MAX(max(length(name),
                length(company), length(contact_name), length(phone))), 0) FROM leads))
            SELECT n FROM i) i ON i.n <= length(f.t)
     ORDER BY 1, 2;

CREATE TRIGGER lead_grams_insert AFTER INSERT ON leads
BEGIN
    INSERT OR IGNORE INTO lead_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.name AS t UNION ALL SELECT NEW.company UNION ALL SELECT NEW.contact_name
                UNION ALL SELECT NEW.phone) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < max(length(NEW.name),
                    length(NEW.company), length(NEW.contact_name), length(NEW.phone))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;

CREATE TRIGGER lead_grams_delete AFTER DELETE ON leads
BEGIN
    DELETE FROM lead_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(f.t, i.n, 2))
          FROM (SELECT OLD.name AS t UNION ALL SELECT OLD.company UNION ALL SELECT OLD.contact_name
                UNION ALL SELECT OLD.phone) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < max(length(OLD.name),
                    length(OLD.company), length(OLD.contact_name), length(OLD.phone))) SELECT n FROM i) i
            ON i.n <= length(f.t));
END;

-- A status, owner or note change (the common writes) leaves the grams.
CREATE TRIGGER lead_grams_update AFTER UPDATE OF id, name, company, contact_name, phone ON leads
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.company IS NOT NEW.company
  OR OLD.contact_name IS NOT NEW.contact_name OR OLD.phone IS NOT NEW.phone
BEGIN
    DELETE FROM lead_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(f.t, i.n, 2))
          FROM (SELECT OLD.name AS t UNION ALL SELECT OLD.company UNION ALL SELECT OLD.contact_name
                UNION ALL SELECT OLD.phone) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < max(length(OLD.name),
                    length(OLD.company), length(OLD.contact_name), length(OLD.phone))) SELECT n FROM i) i
            ON i.n <= length(f.t));
    INSERT OR IGNORE INTO lead_grams (gram, id)
        SELECT lower(substr(f.t, i.n, 2)), NEW.id
          FROM (SELECT NEW.name AS t UNION ALL SELECT NEW.company UNION ALL SELECT NEW.contact_name
                UNION ALL SELECT NEW.phone) f
          JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < max(length(NEW.name),
                    length(NEW.company), length(NEW.contact_name), length(NEW.phone))) SELECT n FROM i) i
            ON i.n <= length(f.t);
END;
