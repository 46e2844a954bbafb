-- A CSV import names each row (the bank's own id, or a hash of date, amount, description and the
-- row's occurrence among identical rows of its file), so importing a file again, or an export that
-- overlaps it, creates nothing new. Partial: a transaction posted through the API has no import id
-- and costs no entry in this index.
ALTER TABLE transactions ADD COLUMN import_id TEXT;
CREATE UNIQUE INDEX ux_transactions_import_id ON transactions (import_id) WHERE import_id IS NOT NULL;
