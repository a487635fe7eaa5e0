-- Registered individual readers: they see LIBRARY items in the viewer; print-disabled readers also get their text.
CREATE TABLE users (
    name            VARCHAR(64) PRIMARY KEY,
    display_name    VARCHAR,
    country         VARCHAR(2),
    print_disabled  BOOLEAN NOT NULL,
    password_hash   VARCHAR(256) NOT NULL,
    disabled        BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
