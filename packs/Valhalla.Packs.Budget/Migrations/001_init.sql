-- Buckets: where money is meant to go each month. Spent is never stored here: it is derived from
-- the transactions pack's ledger at request time.
CREATE TABLE buckets (
    id            TEXT PRIMARY KEY,                                  -- bk_ + 12 hex
    name          TEXT NOT NULL,
    bucket_type   TEXT NOT NULL CHECK (bucket_type IN ('essentials', 'variable', 'sinking', 'fun', 'savings', 'other')),
    monthly_limit INTEGER NOT NULL CHECK (monthly_limit >= 0),       -- minor units
    priority      TEXT NOT NULL CHECK (priority IN ('A', 'B', 'C', 'D')),
    rollover      INTEGER NOT NULL CHECK (rollover IN (0, 1)),
    notes         TEXT,
    status        TEXT NOT NULL CHECK (status IN ('active', 'archived')),
    created_at    TEXT NOT NULL,                                     -- ISO 8601 UTC
    updated_at    TEXT NOT NULL
);

-- Active names are unique regardless of case; archived buckets free their name.
CREATE UNIQUE INDEX ux_buckets_active_name ON buckets (name COLLATE NOCASE) WHERE status = 'active';
CREATE INDEX ix_buckets_listing ON buckets (status, priority, name COLLATE NOCASE);

-- A month's allocation overrides the bucket's monthly limit for that month only.
CREATE TABLE allocations (
    month      TEXT NOT NULL,                                        -- YYYY-MM
    bucket_id  TEXT NOT NULL REFERENCES buckets (id),
    amount     INTEGER NOT NULL CHECK (amount >= 0),                 -- minor units
    updated_at TEXT NOT NULL,
    PRIMARY KEY (month, bucket_id)
) WITHOUT ROWID;
