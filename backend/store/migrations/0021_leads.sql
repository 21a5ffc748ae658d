-- migrate: foreign_keys off
-- Leads (线索): someone who may become a customer, before there is one.
-- A lead is new, being followed up (working), converted (into a customer,
-- a contact and perhaps an opportunity, which it keeps links to) or
-- invalid (with the reason). Follow-ups may be on a lead: followups is
-- rebuilt so that customer_id may be NULL for them.

CREATE TABLE leads (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL,
    name_py        TEXT,
    name_initials  TEXT,
    company        TEXT    NOT NULL DEFAULT '',
    contact_name   TEXT    NOT NULL DEFAULT '',
    phone          TEXT    NOT NULL DEFAULT '',
    email          TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES owners(id),
    status         TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'working', 'converted', 'invalid')),
    invalid_reason TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT '',
    customer_id    INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    converted_at   TEXT    NOT NULL DEFAULT '',
    -- created_day is created_at's local date (YYYY-MM-DD): the period
    -- filter and the conversion report read it from one index.
    created_day    TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
-- The list is newest first (by id); each filter is one index range in id
-- order, so a page is read without sorting.
CREATE INDEX leads_status ON leads(status, id);
-- A status in a period (本周的新线索) is counted from one range.
CREATE INDEX leads_status_created ON leads(status, created_day);
CREATE INDEX leads_owner ON leads(owner_id, id);
-- A salesperson's leads of one status (我的跟进中线索) is the common view.
CREATE INDEX leads_owner_status ON leads(owner_id, status);
CREATE INDEX leads_source ON leads(source, id);
CREATE INDEX leads_name_py ON leads(name_py);
CREATE INDEX leads_name_initials ON leads(name_initials);
-- The conversion report: leads created in a period by source or owner and
-- status, read from the index alone.
CREATE INDEX leads_report ON leads(created_day, source, owner_id, status);
CREATE INDEX leads_customer ON leads(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX leads_contact ON leads(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX leads_opportunity ON leads(opportunity_id) WHERE opportunity_id IS NOT NULL;

-- followups: customer_id NULL for a follow-up on a lead; one of the two is set.
CREATE TABLE new_followups (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id    INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    date           TEXT    NOT NULL,
    method         TEXT    NOT NULL DEFAULT '',
    content        TEXT    NOT NULL,
    next_date      TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    time           TEXT    NOT NULL DEFAULT '',
    next_action    TEXT    NOT NULL DEFAULT '',
    pending        INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT    NOT NULL DEFAULT '',
    lead_id        INTEGER REFERENCES leads(id) ON DELETE CASCADE,
    CHECK (customer_id IS NOT NULL OR lead_id IS NOT NULL)
);
INSERT INTO new_followups (id, customer_id, date, method, content, next_date, created_at, contact_id, opportunity_id, time,
    next_action, pending, updated_at)
    SELECT id, customer_id, date, method, content, next_date, created_at, contact_id, opportunity_id, time,
    next_action, pending, updated_at FROM followups;
-- Ids of deleted follow-ups (the recycle bin holds them) are not given again.
DELETE FROM sqlite_sequence WHERE name = 'new_followups';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_followups', seq FROM sqlite_sequence WHERE name = 'followups';
DROP TABLE followups;
ALTER TABLE new_followups RENAME TO followups;
CREATE INDEX followups_customer ON followups(customer_id, date);
CREATE INDEX followups_contact ON followups(contact_id, date) WHERE contact_id IS NOT NULL;
CREATE INDEX followups_opportunity ON followups(opportunity_id, date) WHERE opportunity_id IS NOT NULL;
CREATE INDEX followups_due ON followups(next_date, id) WHERE pending = 1;
CREATE INDEX followups_lead ON followups(lead_id, date) WHERE lead_id IS NOT NULL;
