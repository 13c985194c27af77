-- 003: fields the RunPod slice reports: the account's spend limit, and the price tier of an offer
-- (one row per GPU type and tier: secure, community). Mirrors migrations/sqlite/003.
ALTER TABLE billing_snapshots ADD COLUMN spend_limit DOUBLE PRECISION;
ALTER TABLE gpu_offers ADD COLUMN tier TEXT;
CREATE INDEX gpu_offers_provider_type_tier ON gpu_offers (provider, provider_gpu_id, tier, observed_ts);
