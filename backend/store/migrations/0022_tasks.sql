-- Sales tasks (销售任务) and stage playbooks (阶段升迁): the action library
-- (动作档案), each stage's actions, and the tasks, made by hand, from a
-- follow-up's next action, or by an opportunity entering a stage.
-- Only tables and indexes are added (no column on stages or opportunities),
-- so this composes with the migrations of parallel work that rebuild them.

-- The action library: what a stage may ask the salesperson to do.
CREATE TABLE actions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
INSERT INTO actions (name, created_at) VALUES
    ('需求调研', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('提交方案', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('客户演示', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('报价审批', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('合同评审', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- A stage's playbook: its actions in order, each required (promotion past
-- the stage waits for it) or optional, with the days after entering the
-- stage it falls due (NULL: no due date).
CREATE TABLE stage_actions (
    stage_id  INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    required  INTEGER NOT NULL DEFAULT 0,
    due_days  INTEGER CHECK (due_days IS NULL OR due_days BETWEEN 0 AND 3650),
    PRIMARY KEY (stage_id, action_id)
);

-- Per stage: promote automatically to the next open stage once the last
-- required action is done. A table of its own, not a column of stages.
CREATE TABLE stage_playbooks (
    stage_id     INTEGER PRIMARY KEY REFERENCES stages(id) ON DELETE CASCADE,
    auto_promote INTEGER NOT NULL DEFAULT 0
);

-- status: todo (待办) / doing (进行中) / done (已完成) / cancelled (已取消).
-- priority: 1 high, 2 normal, 3 low (ascending sorts the urgent first).
-- due_date YYYY-MM-DD or '' (none); due_time HH:MM or ''.
-- stage_id/action_id: the playbook step the task carries out, if any.
-- lead_id has no REFERENCES: the leads table comes from parallel work.
CREATE TABLE tasks (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    title          TEXT    NOT NULL,
    assignee_id    INTEGER NOT NULL REFERENCES owners(id),
    due_date       TEXT    NOT NULL DEFAULT '',
    due_time       TEXT    NOT NULL DEFAULT '',
    priority       INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
    status         TEXT    NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done', 'cancelled')),
    customer_id    INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    lead_id        INTEGER,
    stage_id       INTEGER REFERENCES stages(id) ON DELETE SET NULL,
    action_id      INTEGER REFERENCES actions(id) ON DELETE SET NULL,
    required       INTEGER NOT NULL DEFAULT 0,
    followup_id    INTEGER REFERENCES followups(id) ON DELETE SET NULL,
    result         TEXT    NOT NULL DEFAULT '',
    done_at        TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
-- The list's default order and the due-this-week range.
CREATE INDEX tasks_due ON tasks(due_date, id);
-- The manager's view by assignee, all and open ones (overdue, this week).
CREATE INDEX tasks_assignee_due ON tasks(assignee_id, due_date, id);
CREATE INDEX tasks_assignee_open ON tasks(assignee_id, due_date, id) WHERE status IN ('todo', 'doing');
-- Open tasks: overdue, due today (工作台, reminders), this week.
CREATE INDEX tasks_open_due ON tasks(due_date, id) WHERE status IN ('todo', 'doing');
-- The status filter in due order; the priority sort (the id rides along in
-- every index); the title sort and search, which scans this index instead
-- of the table. No index on status alone: SQLite would take it for the
-- open-task views and sort a quarter of the table.
CREATE INDEX tasks_status_due ON tasks(status, due_date, id);
CREATE INDEX tasks_priority ON tasks(priority);
CREATE INDEX tasks_title ON tasks(title);
CREATE INDEX tasks_opportunity ON tasks(opportunity_id, stage_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX tasks_customer ON tasks(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX tasks_lead ON tasks(lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX tasks_followup ON tasks(followup_id) WHERE followup_id IS NOT NULL;
