-- 005: a failed sync no longer hides when the last good one was, and offers know their connection.
-- last_sync_at stays the time of the last attempt; last_success_at is the last one that stored data.
ALTER TABLE connections ADD COLUMN last_success_at BIGINT;
UPDATE connections SET last_success_at = last_sync_at WHERE last_status = 'ok';

-- Offers observed before this migration have no connection (NULL): they stay, shown as before.
ALTER TABLE gpu_offers ADD COLUMN connection_id BIGINT REFERENCES connections(id) ON DELETE CASCADE;
CREATE INDEX gpu_offers_connection_ts ON gpu_offers (connection_id, observed_ts);
