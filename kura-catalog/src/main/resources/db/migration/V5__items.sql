-- Digitized items (their content lives in OCFL objects; this is the index the portal, IIIF and search use).
CREATE TABLE items (
    id                 VARCHAR(128) PRIMARY KEY,
    provider_id        VARCHAR(64),
    record_identifier  VARCHAR(2048),
    tier               VARCHAR(16) NOT NULL,
    title              VARCHAR,
    pages              INT NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX items_record ON items (record_identifier, provider_id);
