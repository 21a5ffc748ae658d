-- Salespeople (负责人): the team whose customers and opportunities the manager keeps.
CREATE TABLE owners (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT    NOT NULL
);

-- Sales stages in funnel order. kind: open / won / lost; exactly one won and one lost.
CREATE TABLE stages (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    position       INTEGER NOT NULL,
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    kind           TEXT    NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
    retired        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX stages_one_won_one_lost ON stages(kind) WHERE kind <> 'open';

CREATE TABLE customers (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    classification TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    industry       TEXT    NOT NULL DEFAULT '',
    phone          TEXT    NOT NULL DEFAULT '',
    address        TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES owners(id),
    notes          TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX customers_name ON customers(name);
CREATE INDEX customers_owner ON customers(owner_id);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX contacts_customer ON contacts(customer_id);

CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    date        TEXT    NOT NULL,
    method      TEXT    NOT NULL DEFAULT '',
    content     TEXT    NOT NULL,
    next_date   TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
CREATE INDEX followups_customer ON followups(customer_id, date);

CREATE TABLE opportunities (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    type           TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER NOT NULL REFERENCES owners(id),
    campaign       TEXT    NOT NULL DEFAULT '',
    amount_cents   INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    expected_close TEXT    NOT NULL DEFAULT '',
    next_step      TEXT    NOT NULL DEFAULT '',
    stage_id       INTEGER NOT NULL REFERENCES stages(id),
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    description    TEXT    NOT NULL DEFAULT '',
    lost_reason    TEXT    NOT NULL DEFAULT '',
    competitor     TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX opportunities_customer ON opportunities(customer_id);
-- List pages: stage + close date answers the won/open views and the default sort.
CREATE INDEX opportunities_stage_close ON opportunities(stage_id, expected_close);
CREATE INDEX opportunities_owner_close ON opportunities(owner_id, expected_close);
CREATE INDEX opportunities_close ON opportunities(expected_close);

-- Every stage change, for conversion and velocity reports.
CREATE TABLE stage_history (
    id             INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    from_stage_id  INTEGER REFERENCES stages(id),
    to_stage_id    INTEGER NOT NULL REFERENCES stages(id),
    changed_at     TEXT    NOT NULL
);
CREATE INDEX stage_history_opportunity ON stage_history(opportunity_id, id);

-- User-saved list views: a name and the filter as JSON.
CREATE TABLE saved_views (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    filter_json TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO stages (name, position, probability_bp, kind) VALUES
    ('初期沟通', 1, 1000, 'open'),
    ('立项评估', 2, 2000, 'open'),
    ('需求分析', 3, 3000, 'open'),
    ('方案制定', 4, 4000, 'open'),
    ('招投标/竞争', 5, 5000, 'open'),
    ('商务谈判', 6, 6000, 'open'),
    ('谈成结束', 7, 10000, 'won'),
    ('未成结束', 8, 0, 'lost');
