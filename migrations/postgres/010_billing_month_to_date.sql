-- 010: the charges of the current billing month as the provider reports them; null when not
-- reported. Mirrors migrations/sqlite/010_billing_month_to_date.sql.
ALTER TABLE billing_snapshots ADD COLUMN month_to_date_spend DOUBLE PRECISION;
