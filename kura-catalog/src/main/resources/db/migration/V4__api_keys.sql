-- API keys for the public APIs: only a SHA-256 of the key is kept; the key is shown once when created.
CREATE TABLE api_keys (
    name        VARCHAR(128) PRIMARY KEY,
    key_hash    CHAR(64) NOT NULL UNIQUE,
    per_minute  INT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
