-- Reminders: a title and the day it is due. Dates and timestamps are ISO 8601 text, so text order is time order.
CREATE TABLE reminders (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(title) > 0),
    due        TEXT NOT NULL,                     -- YYYY-MM-DD
    created_at TEXT NOT NULL                      -- YYYY-MM-DDTHH:MM:SS.fffZ, UTC
);

CREATE INDEX reminders_due ON reminders (due, id);
