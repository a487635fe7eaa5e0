-- Anonymized usage of digitized items, counted per day: which item, what was asked, by what kind of
-- principal (no names, no addresses), for statistics.
CREATE TABLE usage_daily (
    usage_day       DATE NOT NULL,
    item_id         VARCHAR(128) NOT NULL,
    action          VARCHAR(16) NOT NULL,
    principal_kind  VARCHAR(16) NOT NULL,
    uses            BIGINT NOT NULL,
    PRIMARY KEY (usage_day, item_id, action, principal_kind)
);
