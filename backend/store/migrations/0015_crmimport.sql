-- Imports from other CRMs: an opportunity keeps the id the other system
-- gave it, so that importing the same export again updates it instead of
-- adding it twice; every import is recorded with what it added and what it
-- changed, so that it can be undone.
ALTER TABLE opportunities ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
CREATE INDEX opportunities_external_id ON opportunities(external_id) WHERE external_id <> '';

-- One row per import: counts and the mapping used are JSON for the history
-- screen; undone_at is set once it is undone.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name   TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    added       INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    summary     TEXT    NOT NULL DEFAULT '',
    mapping     TEXT    NOT NULL DEFAULT '',
    undone_at   TEXT    NOT NULL DEFAULT ''
);

-- What one import did to one record: action 'add' (undo deletes it) or
-- 'update' (undo writes back the columns in before_json). stamp is the
-- record's updated_at right after the import (or the record as JSON for
-- tables without updated_at): a record whose stamp differs was changed
-- since, and undo refuses to touch it.
CREATE TABLE import_items (
    import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    tbl         TEXT    NOT NULL,
    record_id   INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('add', 'update')),
    before_json TEXT    NOT NULL DEFAULT '',
    stamp       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (import_id, tbl, record_id)
) WITHOUT ROWID;
CREATE INDEX import_items_record ON import_items(tbl, record_id);
