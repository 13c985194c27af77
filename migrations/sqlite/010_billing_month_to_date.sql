-- 010: the charges of the current billing month as the provider reports them (DigitalOcean's
-- month_to_date_usage, Vultr's pending_charges); null when the provider does not report them.
ALTER TABLE billing_snapshots ADD COLUMN month_to_date_spend REAL;
