-- DOIs minted for digitized items: one per item. DOIs are case-insensitive, so uniqueness is on doi_key
-- (the DOI in upper case); doi keeps the spelling it was minted with. seq numbers mints for {seq} patterns.
CREATE TABLE dois (
    doi                VARCHAR(255) NOT NULL,
    doi_key            VARCHAR(255) NOT NULL,
    item_id            VARCHAR(128) NOT NULL,
    provider_id        VARCHAR(64),
    record_identifier  VARCHAR(2048),
    seq                BIGINT NOT NULL,
    state              VARCHAR(16) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dois_pk PRIMARY KEY (doi_key),
    CONSTRAINT dois_item UNIQUE (item_id),
    CONSTRAINT dois_seq UNIQUE (seq)
);
