-- Migrations run in file-number order, once each, in a transaction; PRAGMA user_version records the last.
-- Never edit a migration that has run somewhere: add 002_name.sql instead.
CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
