-- The OAI-PMH provider lists records in the order of their catalog datestamp (updated_at), resuming after
-- the last (updated_at, provider_id, identifier) it sent; tombstones stay in this table so that deletions
-- are persistent.
CREATE INDEX records_updated ON records (updated_at, provider_id, identifier);
