-- Theme portals and galleries made by staff: one JSON document per page (kind 'theme' or 'gallery'),
-- read and written whole by the portal, so their shape can grow without migrations.
CREATE TABLE curated_pages (
    kind        VARCHAR(16) NOT NULL,
    id          VARCHAR(64) NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, id)
);
