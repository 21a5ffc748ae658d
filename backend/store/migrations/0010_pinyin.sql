-- Pinyin keys beside the names of customers, contacts and opportunities, so
-- a search for "huaqiang" or "hq" finds 华强电子 through an index range and
-- name columns sort in pinyin order (backend/pinyin makes the keys).
-- name_py: full pinyin, lower case, letters and digits only; it is also the
-- name sort key. name_initials: the first letter of each syllable.
--
-- SQL cannot compute pinyin: the columns start NULL and store.Open fills
-- every NULL one in Go after migrating (backfillPinyin); every insert and
-- update of a name writes them from then on. Only columns and indexes are
-- added, so this composes with migrations that rebuild these tables.
ALTER TABLE customers ADD COLUMN name_py TEXT;
ALTER TABLE customers ADD COLUMN name_initials TEXT;
ALTER TABLE contacts ADD COLUMN name_py TEXT;
ALTER TABLE contacts ADD COLUMN name_initials TEXT;
ALTER TABLE opportunities ADD COLUMN name_py TEXT;
ALTER TABLE opportunities ADD COLUMN name_initials TEXT;

-- One index per key: a prefix is a range of it, and name_py (with the id
-- that every index ends with) is the order of a name-sorted page. NULLs
-- sort first, so the backfill finds what it has left through them too.
CREATE INDEX IF NOT EXISTS customers_name_py ON customers(name_py);
CREATE INDEX IF NOT EXISTS customers_name_initials ON customers(name_initials);
CREATE INDEX IF NOT EXISTS contacts_name_py ON contacts(name_py);
CREATE INDEX IF NOT EXISTS contacts_name_initials ON contacts(name_initials);
CREATE INDEX IF NOT EXISTS opportunities_name_py ON opportunities(name_py);
CREATE INDEX IF NOT EXISTS opportunities_name_initials ON opportunities(name_initials);
