-- 011: a guardrail that stops every running pod of a connection once a budget covering it has
-- reached its daily cap (stop only, never terminate; dry run unless the policy acts).
ALTER TABLE guardrail_policies ADD COLUMN stop_at_daily_cap INTEGER NOT NULL DEFAULT 0 CHECK (stop_at_daily_cap IN (0, 1));
