-- The budget's spent per bucket per month, read in the order it is grouped: month first, then bucket.
-- The date-first index of 001 found a month's rows in one range scan but then had to sort them into
-- groups in a temporary b-tree, which cost three times the scan; with the month expression leading,
-- the groups come out of the index in order. date, status and tx_type are listed so that SQLite reads
-- the index alone (it covers a query only when it holds every column the query names).
CREATE INDEX ix_transactions_spent_by_month ON transactions (substr(date, 1, 7), bucket_id, amount, status, tx_type, date)
    WHERE status = 'posted' AND tx_type = 'expense' AND bucket_id IS NOT NULL;

-- Superseded: keeping it would cost every insert one more b-tree page for no reader. A copy of the
-- previous version still serving during a replace loses no answers, only this index.
DROP INDEX ix_transactions_spent;
