-- 011: stop every running pod of a connection at a covering budget's daily cap; mirrors
-- migrations/sqlite/011_guardrail_daily_cap.sql.
ALTER TABLE guardrail_policies ADD COLUMN stop_at_daily_cap BOOLEAN NOT NULL DEFAULT FALSE;
