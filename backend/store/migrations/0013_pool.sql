-- Teams, public pools (公海池), recycle rules, the flow history of every
-- customer and the duplicate keys (查重) of customers and contacts.
-- Only tables, columns and indexes are added, so this composes with the
-- migrations of parallel work that add their own.

-- Teams form a tree: the company at the root (parent NULL), teams and
-- sub-teams below; each may have a manager. A salesperson belongs to one.
CREATE TABLE teams (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    parent_id  INTEGER REFERENCES teams(id),
    manager_id INTEGER REFERENCES owners(id),
    created_at TEXT    NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id);
INSERT INTO teams (name, parent_id, created_at) VALUES ('公司', NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
ALTER TABLE owners ADD COLUMN team_id INTEGER REFERENCES teams(id);
CREATE INDEX owners_team ON owners(team_id);

-- A pool's settings: its manager (only they assign, void and restore),
-- whether claiming is open, the claim limits per salesperson (0 = none) and
-- the days a salesperson who returned or lost a customer may not claim it
-- back (reclaim_days, 防撞单/防回捞).
CREATE TABLE pools (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    is_company    INTEGER NOT NULL DEFAULT 0,
    manager_id    INTEGER REFERENCES owners(id),
    claim_enabled INTEGER NOT NULL DEFAULT 1,
    daily_limit   INTEGER NOT NULL DEFAULT 0 CHECK (daily_limit >= 0),
    total_limit   INTEGER NOT NULL DEFAULT 0 CHECK (total_limit >= 0),
    reclaim_days  INTEGER NOT NULL DEFAULT 0 CHECK (reclaim_days >= 0),
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX pools_one_company ON pools(is_company) WHERE is_company = 1;
INSERT INTO pools (name, is_company, created_at) VALUES ('企业公海', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Who may see and claim from a pool: teams (with their sub-teams) and
-- people. A pool without members is open to everyone.
CREATE TABLE pool_members (
    pool_id  INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    team_id  INTEGER REFERENCES teams(id) ON DELETE CASCADE,
    owner_id INTEGER REFERENCES owners(id) ON DELETE CASCADE,
    CHECK ((team_id IS NULL) <> (owner_id IS NULL))
);
CREATE INDEX pool_members_pool ON pool_members(pool_id);

-- Auto-recycle rules, one per pool and customer level ('' = every level
-- without its own rule). 0 days switches a condition off.
CREATE TABLE pool_rules (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    pool_id          INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    level            TEXT    NOT NULL DEFAULT '',
    no_followup_days INTEGER NOT NULL DEFAULT 0 CHECK (no_followup_days >= 0),
    no_won_days      INTEGER NOT NULL DEFAULT 0 CHECK (no_won_days >= 0),
    after_order_days INTEGER NOT NULL DEFAULT 0 CHECK (after_order_days >= 0),
    keep_stage_id    INTEGER REFERENCES stages(id),
    warn_days        INTEGER NOT NULL DEFAULT 0 CHECK (warn_days >= 0),
    UNIQUE (pool_id, level)
);

-- A customer has an owner (status owned), or sits in one pool (pool), or
-- is voided (voided, in the pool it was voided from). home_pool_id is the
-- pool whose rules recycle an owned customer and where it goes back;
-- claimed_pool_id is set while the owner holds it by a claim (the total
-- claim limit counts these); owned_since starts the "no won opportunity"
-- clock and the follow-up clock; pool_since and pool_reason describe the
-- stay in the pool.
ALTER TABLE customers ADD COLUMN level TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN status TEXT NOT NULL DEFAULT 'owned' CHECK (status IN ('owned', 'pool', 'voided'));
ALTER TABLE customers ADD COLUMN pool_id INTEGER REFERENCES pools(id);
ALTER TABLE customers ADD COLUMN home_pool_id INTEGER REFERENCES pools(id);
ALTER TABLE customers ADD COLUMN claimed_pool_id INTEGER REFERENCES pools(id);
ALTER TABLE customers ADD COLUMN owned_since TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN pool_since TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN pool_reason TEXT NOT NULL DEFAULT '';
UPDATE customers SET owned_since = created_at;
-- A pool page: its customers in name order, and the counts per pool.
CREATE INDEX customers_pool ON customers(pool_id, status, name_py);
CREATE INDEX customers_claimed ON customers(claimed_pool_id, owner_id) WHERE claimed_pool_id IS NOT NULL;
CREATE INDEX customers_status_owner ON customers(status, home_pool_id);

-- Duplicate keys (backend/dupe makes them; store.Open fills the NULL ones
-- after migrating, every insert and update writes them from then on).
ALTER TABLE customers ADD COLUMN name_key TEXT;
ALTER TABLE customers ADD COLUMN phone_key TEXT;
ALTER TABLE contacts ADD COLUMN phone_key TEXT;
ALTER TABLE contacts ADD COLUMN email_key TEXT;
CREATE INDEX customers_name_key ON customers(name_key);
CREATE INDEX customers_phone_key ON customers(phone_key) WHERE phone_key <> '';
CREATE INDEX contacts_phone_key ON contacts(phone_key) WHERE phone_key <> '';
CREATE INDEX contacts_email_key ON contacts(email_key) WHERE email_key <> '';

-- The flow history (流转记录): who acted, for whom, when, from, to, why.
-- Names are kept as written at the time, so a renamed or deleted person or
-- pool still reads right.
CREATE TABLE customer_flow (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    action        TEXT    NOT NULL,
    at            TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    actor_id      INTEGER,
    actor_name    TEXT    NOT NULL DEFAULT '',
    for_id        INTEGER,
    for_name      TEXT    NOT NULL DEFAULT '',
    from_owner_id INTEGER,
    from_text     TEXT    NOT NULL DEFAULT '',
    to_text       TEXT    NOT NULL DEFAULT '',
    pool_id       INTEGER,
    rule          TEXT    NOT NULL DEFAULT '',
    reason        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX customer_flow_customer ON customer_flow(customer_id, id);
-- The daily claim limit counts one person's claims from one pool on a day.
CREATE INDEX customer_flow_claims ON customer_flow(for_id, pool_id, day) WHERE action = 'claim';
-- The reclaim bar looks for the last time a person gave a customer up.
CREATE INDEX customer_flow_lost ON customer_flow(customer_id, from_owner_id, day) WHERE action IN ('return', 'recycle');
