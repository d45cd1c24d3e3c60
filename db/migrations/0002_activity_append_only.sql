-- The activity trail is append-only: no code path may change or remove an entry.
CREATE OR REPLACE FUNCTION activity_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'activity is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER activity_no_update_delete
  BEFORE UPDATE OR DELETE ON activity
  FOR EACH ROW EXECUTE FUNCTION activity_append_only();
--> statement-breakpoint
CREATE TRIGGER activity_no_truncate
  BEFORE TRUNCATE ON activity
  FOR EACH STATEMENT EXECUTE FUNCTION activity_append_only();
