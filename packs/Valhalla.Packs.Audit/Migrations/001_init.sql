-- The audit trail: every money event, once (by id), append-only. Amounts are integer minor units.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,                  -- arrival order
    id          TEXT NOT NULL UNIQUE,                               -- ev_ + 32 hex, given by the producing pack
    pack        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject_id  TEXT NOT NULL,
    amount      INTEGER,
    at          TEXT NOT NULL,                                      -- when it happened, ISO 8601 UTC
    detail      TEXT,
    actor       TEXT,                                               -- the calling key's name
    recorded_at TEXT NOT NULL
);

-- Newest first, overall and per subject.
CREATE INDEX ix_events_newest ON events (at DESC, seq DESC);
CREATE INDEX ix_events_subject ON events (subject_id, at DESC, seq DESC);

-- No route changes or deletes an event, and neither can anything else that opens this database.
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be changed');
END;

CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;
