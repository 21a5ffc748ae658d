-- Several won and several lost outcomes (丢单, 因竞争丢单, 无效 …): each
-- counts by its kind, so the one-won-one-lost index goes.
DROP INDEX stages_one_won_one_lost;

-- Stage sets: an opportunity type may have stages of its own (项目型 with
-- 招投标, 续约型 without). A stage with no set is shared by every type; a
-- stage in a set is open only to the types of that set. The funnel order
-- stays the one stages.position, so every set is ordered alike and "all
-- types" can lay the sets side by side without conflict.
CREATE TABLE stage_sets (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT    NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);
-- A type belongs to at most one set; a type in none uses the shared stages.
CREATE TABLE stage_set_types (
    type   TEXT    PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES stage_sets(id) ON DELETE CASCADE
);
CREATE INDEX stage_set_types_set ON stage_set_types(set_id);
ALTER TABLE stages ADD COLUMN set_id INTEGER REFERENCES stage_sets(id);

-- Priority (高/中/低 as high/medium/low, '' none). ADD COLUMN keeps the
-- table, so migration 0018's triggers stay as they are.
ALTER TABLE opportunities ADD COLUMN priority TEXT NOT NULL DEFAULT '';

-- The customer's contacts involved in an opportunity, each with a role
-- (决策人, 技术评估, 使用人 …), and the staff besides the owner (相关员工).
-- Both cascade, so the recycle bin takes them along with the opportunity.
CREATE TABLE opportunity_contacts (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    role           TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (opportunity_id, contact_id)
);
CREATE INDEX opportunity_contacts_contact ON opportunity_contacts(contact_id);
CREATE TABLE opportunity_staff (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    owner_id       INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
    PRIMARY KEY (opportunity_id, owner_id)
);
CREATE INDEX opportunity_staff_owner ON opportunity_staff(owner_id);
