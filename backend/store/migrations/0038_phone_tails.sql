-- Phones found by their first or last digits from an index (issue 15): a
-- search read every phone of every customer and contact (0032's partial
-- indexes, 40–85 ms for Ctrl+K with 130,000 customers and 200,000 contacts
-- holding phones). People look a number up by its start (138…, as typed
-- with or without +86) or its end (尾号 8000, a landline without its area
-- code): phone_key (0013: digits without country code and trunk 0) answers
-- the start from its index, and phone_rkey, the same digits reversed,
-- answers the end.
--
-- phone_rkey is a virtual generated column: SQLite computes it from
-- phone_key, so no writer (forms, imports, the key backfill, restores) can
-- leave it stale, and only its index is stored and kept. The reversal is
-- written out for the last 24 digits (a phone holds at most 20,
-- validate.Phone): substr past the end of a shorter key is empty.

ALTER TABLE customers ADD COLUMN phone_rkey TEXT GENERATED ALWAYS AS (
        substr(phone_key, 24, 1) || substr(phone_key, 23, 1) || substr(phone_key, 22, 1) || substr(phone_key, 21, 1) ||
        substr(phone_key, 20, 1) || substr(phone_key, 19, 1) || substr(phone_key, 18, 1) || substr(phone_key, 17, 1) ||
        substr(phone_key, 16, 1) || substr(phone_key, 15, 1) || substr(phone_key, 14, 1) || substr(phone_key, 13, 1) ||
        substr(phone_key, 12, 1) || substr(phone_key, 11, 1) || substr(phone_key, 10, 1) || substr(phone_key, 9, 1) ||
        substr(phone_key, 8, 1) || substr(phone_key, 7, 1) || substr(phone_key, 6, 1) || substr(phone_key, 5, 1) ||
        substr(phone_key, 4, 1) || substr(phone_key, 3, 1) || substr(phone_key, 2, 1) || substr(phone_key, 1, 1)) VIRTUAL;

ALTER TABLE contacts ADD COLUMN phone_rkey TEXT GENERATED ALWAYS AS (
        substr(phone_key, 24, 1) || substr(phone_key, 23, 1) || substr(phone_key, 22, 1) || substr(phone_key, 21, 1) ||
        substr(phone_key, 20, 1) || substr(phone_key, 19, 1) || substr(phone_key, 18, 1) || substr(phone_key, 17, 1) ||
        substr(phone_key, 16, 1) || substr(phone_key, 15, 1) || substr(phone_key, 14, 1) || substr(phone_key, 13, 1) ||
        substr(phone_key, 12, 1) || substr(phone_key, 11, 1) || substr(phone_key, 10, 1) || substr(phone_key, 9, 1) ||
        substr(phone_key, 8, 1) || substr(phone_key, 7, 1) || substr(phone_key, 6, 1) || substr(phone_key, 5, 1) ||
        substr(phone_key, 4, 1) || substr(phone_key, 3, 1) || substr(phone_key, 2, 1) || substr(phone_key, 1, 1)) VIRTUAL;

CREATE INDEX customers_phone_rkey ON customers(phone_rkey) WHERE phone_rkey <> '';
CREATE INDEX contacts_phone_rkey ON contacts(phone_rkey) WHERE phone_rkey <> '';
