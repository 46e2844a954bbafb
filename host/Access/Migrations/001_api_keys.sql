-- The host's API keys. Only a SHA-256 of each key is kept; the key itself is shown once, when created.
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,          -- the key's first characters after vh_, to find it without the secret
    name         TEXT NOT NULL,
    hash         BLOB NOT NULL,             -- SHA-256 of the whole key
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    packs        TEXT NOT NULL DEFAULT '',  -- pack codes or tags the key is restricted to, space-separated; '' = every pack
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

-- One active key per name, so a name says which key to revoke.
CREATE UNIQUE INDEX ux_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
