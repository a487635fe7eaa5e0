-- Where each search index has got to in the change log, so that indexing resumes after a crash.
CREATE TABLE index_positions (
    name        VARCHAR(128) PRIMARY KEY,
    last_seq    BIGINT NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
