-- Follow-ups (跟进记录) on customers, contacts and opportunities, and what
-- the 工作台 reminds of.
--
-- customer_id stays set on every follow-up (the contact's or opportunity's
-- customer), so "the customer's last follow-up" is one index range whatever
-- the follow-up was about; the pool's recycle rules read it that way.
-- Deleting a contact or an opportunity keeps its follow-ups on the customer.
-- Only columns and indexes are added, so this composes with migrations that
-- rebuild these tables.
ALTER TABLE followups ADD COLUMN contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
ALTER TABLE followups ADD COLUMN opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL;
-- time: HH:MM or '' (the date alone).
ALTER TABLE followups ADD COLUMN time TEXT NOT NULL DEFAULT '';
ALTER TABLE followups ADD COLUMN next_action TEXT NOT NULL DEFAULT '';
-- pending: 1 while this follow-up's next date is the one to keep, that is it
-- has a next date and is the latest follow-up of its record (the opportunity,
-- else the contact, else the customer). Recording a later follow-up on the
-- same record settles it. The followup package keeps it in the transaction
-- that adds, edits or deletes a follow-up, so the 工作台 reads one small
-- partial index instead of finding the latest follow-up of every record.
ALTER TABLE followups ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE followups ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';

CREATE INDEX IF NOT EXISTS followups_contact ON followups(contact_id, date) WHERE contact_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS followups_opportunity ON followups(opportunity_id, date) WHERE opportunity_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS followups_due ON followups(next_date, id) WHERE pending = 1;

-- The last follow-up's date (YYYY-MM-DD, '' for none) beside the customer
-- and the opportunity, written in the same transaction as the follow-up, so
-- the lists show and sort it without a per-row subquery.
ALTER TABLE customers ADD COLUMN last_followup_at TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN last_followup_at TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS customers_last_followup ON customers(last_followup_at);
CREATE INDEX IF NOT EXISTS opportunities_last_followup ON opportunities(last_followup_at);

-- Follow-ups so far were on customers only: the latest one of each customer
-- with a next date is pending, and the customers' dates are filled.
UPDATE followups SET pending = 1 WHERE next_date <> '' AND id = (
    SELECT f.id FROM followups f WHERE f.customer_id = followups.customer_id
    ORDER BY f.date DESC, f.time DESC, f.id DESC LIMIT 1);
UPDATE customers SET last_followup_at = COALESCE(
    (SELECT MAX(f.date) FROM followups f WHERE f.customer_id = customers.id), '');

-- Quotes about to expire: live quotes by their validity date.
CREATE INDEX IF NOT EXISTS quotes_valid_until ON quotes(valid_until, id) WHERE status <> 'closed' AND valid_until <> '';

