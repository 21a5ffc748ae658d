-- A text search reads the phones (and contacts' emails) whole: they have
-- no index of their words (issues 14 and 15). These partial indexes hold
-- the filled ones only, short entries instead of wide rows, so that read
-- costs a fraction of a table scan, and nothing where phones are rare.
-- store.Search and store.ListCustomersCapped read them
-- ("col <> '' AND col LIKE ?").
CREATE INDEX customers_phone ON customers(phone) WHERE phone <> '';
CREATE INDEX contacts_phone ON contacts(phone) WHERE phone <> '';
CREATE INDEX contacts_email ON contacts(email) WHERE email <> '';
