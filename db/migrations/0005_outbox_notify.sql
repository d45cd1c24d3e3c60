-- Wakes the outbox workers (every app instance LISTENs on pm_outbox) when a transaction that
-- wrote an event or queued a mail commits: PostgreSQL delivers a NOTIFY only at commit, and
-- never for a rolled-back transaction.
CREATE OR REPLACE FUNCTION pm_outbox_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('pm_outbox', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER event_outbox_notify
  AFTER INSERT ON event
  FOR EACH STATEMENT EXECUTE FUNCTION pm_outbox_notify();
--> statement-breakpoint
CREATE TRIGGER mail_outbox_notify
  AFTER INSERT ON mail_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION pm_outbox_notify();
