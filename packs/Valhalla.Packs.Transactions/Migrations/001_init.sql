-- The ledger: append-only apart from the void mark. Amounts are integer minor units.
CREATE TABLE transactions (
    id          TEXT PRIMARY KEY,                                    -- tx_ + 12 hex
    tx_type     TEXT NOT NULL CHECK (tx_type IN ('income', 'expense')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    date        TEXT NOT NULL,                                       -- YYYY-MM-DD
    description TEXT,
    bucket_id   TEXT,
    priority    TEXT NOT NULL CHECK (priority IN ('A', 'B', 'C', 'D')),
    links       TEXT,                                                -- JSON object of reference ids, or NULL
    status      TEXT NOT NULL CHECK (status IN ('posted', 'void')),
    void_reason TEXT,
    voided_at   TEXT,
    created_at  TEXT NOT NULL,                                       -- ISO 8601 UTC
    updated_at  TEXT NOT NULL
);

-- The budget's spent per bucket per month: one range scan of this partial index. status and tx_type
-- are constant inside it, but SQLite only reads an index alone (covering) when it holds every column
-- the query names, so they are listed too.
CREATE INDEX ix_transactions_spent ON transactions (date, bucket_id, amount, status, tx_type)
    WHERE status = 'posted' AND tx_type = 'expense' AND bucket_id IS NOT NULL;

-- Listing newest first, overall and per bucket.
CREATE INDEX ix_transactions_newest ON transactions (date DESC, created_at DESC, id DESC);
CREATE INDEX ix_transactions_bucket ON transactions (bucket_id, date DESC, created_at DESC, id DESC);

-- A retried POST with the same Idempotency-Key returns the transaction the first one created.
CREATE TABLE idempotency_keys (
    key          TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    tx_id        TEXT NOT NULL REFERENCES transactions (id),
    created_at   TEXT NOT NULL
) WITHOUT ROWID;
