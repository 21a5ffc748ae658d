-- The recycle bin (回收站) and the operation log (操作日志).
--
-- The bin holds serialized rows, not soft-deleted ones: a delete takes the
-- record and everything that depends on it out of their tables (one JSON
-- payload per delete) and a restore puts the same rows, ids included, back
-- in one transaction. Rows in the bin are then in no list, count, funnel
-- total, report, export, importer lookup or unique index, with no query
-- anywhere taught to skip them; soft-delete columns would have to be
-- remembered by every query of every table, today's and tomorrow's.
CREATE TABLE recycle_bin (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,            -- customer, contact, opportunity, product, quote, order
    record_id  INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    -- what it held, per table: {"contacts": 2, "opportunities": 1, ...}
    held_json  TEXT    NOT NULL DEFAULT '{}',
    payload    TEXT    NOT NULL,            -- store.Bundle as JSON
    deleted_at TEXT    NOT NULL
);
CREATE INDEX recycle_bin_deleted ON recycle_bin(deleted_at);
CREATE INDEX recycle_bin_record ON recycle_bin(kind, record_id);

-- One row per change, written in the transaction of the change. old_json
-- and new_json hold the changed fields only (an update) or the whole record
-- (a create or a delete).
CREATE TABLE oplog (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL DEFAULT '',
    owner_name  TEXT    NOT NULL DEFAULT '',   -- the salesperson acted for
    kind        TEXT    NOT NULL,
    record_id   INTEGER NOT NULL DEFAULT 0,
    record_name TEXT    NOT NULL DEFAULT '',
    action      TEXT    NOT NULL,
    old_json    TEXT    NOT NULL DEFAULT '',
    new_json    TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX oplog_at ON oplog(at);
CREATE INDEX oplog_record ON oplog(kind, record_id, at);
