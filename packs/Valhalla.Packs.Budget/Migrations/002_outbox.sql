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
