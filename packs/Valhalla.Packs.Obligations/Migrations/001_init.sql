-- Obligations: what must be paid and when. Whether an occurrence is paid is never stored: it is
-- derived from the transactions pack's ledger (expenses whose links.obligation_id names it).
CREATE TABLE obligations (
    id            TEXT PRIMARY KEY,                                   -- ob_ + 12 hex
    name          TEXT NOT NULL,
    amount_min    INTEGER NOT NULL CHECK (amount_min > 0),            -- minor units; equal for a fixed amount
    amount_max    INTEGER NOT NULL CHECK (amount_max >= amount_min),
    bucket_id     TEXT,                                               -- bk_…, checked against the budget when it is loaded
    frequency     TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'yearly')),
    interval      INTEGER NOT NULL CHECK (interval >= 1),
    weekday       INTEGER CHECK (weekday BETWEEN 0 AND 6),             -- weekly: 0 Sunday … 6 Saturday
    day           INTEGER CHECK (day BETWEEN 1 AND 31),                -- monthly, yearly: 31 is the month's last day
    month_of_year INTEGER CHECK (month_of_year BETWEEN 1 AND 12),      -- yearly
    start_date    TEXT NOT NULL,                                      -- YYYY-MM-DD
    end_date      TEXT,
    grace_days    INTEGER NOT NULL CHECK (grace_days >= 0),
    priority      TEXT NOT NULL CHECK (priority IN ('A', 'B', 'C', 'D')),
    notes         TEXT,
    status        TEXT NOT NULL CHECK (status IN ('active', 'archived')),
    created_at    TEXT NOT NULL,                                      -- ISO 8601 UTC
    updated_at    TEXT NOT NULL
);

CREATE INDEX ix_obligations_listing ON obligations (status, priority, name COLLATE NOCASE);

-- Money events, written in the transaction of the change they describe; the host delivers them to
-- the audit sink and deletes them (Valhalla.Packs.Kit.Outbox).
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    pack       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    amount     INTEGER,
    at         TEXT NOT NULL,
    detail     TEXT,
    actor      TEXT
);
