-- Every pack the registry knows: discovered in the drop folder, or registered over the API.
CREATE TABLE packs (
    id            TEXT PRIMARY KEY,                 -- pk_ + 12 hex
    code          TEXT NOT NULL UNIQUE,
    manifest      TEXT NOT NULL,                    -- the manifest as canonical JSON
    source        TEXT NOT NULL CHECK (source IN ('discovered', 'api')),
    registered_at TEXT NOT NULL,                    -- ISO 8601 UTC
    updated_at    TEXT NOT NULL
);
