-- The obligations pack's payments: expenses that name an obligation, by obligation then date, so one
-- query reads every payment of a list of obligations over a date range (a search per obligation,
-- then a handful of rows read from the table). Partial: only linked, posted
-- expenses are in it, so an ordinary expense costs no extra b-tree write; a void drops the row.
CREATE INDEX ix_transactions_obligation ON transactions (json_extract(links, '$.obligation_id'), date)
    WHERE status = 'posted' AND tx_type = 'expense' AND json_extract(links, '$.obligation_id') IS NOT NULL;
