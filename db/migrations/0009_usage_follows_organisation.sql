-- Usage follows its organisation: when a customer organisation moves to another partner (or to
-- "No partner", key ''), its partner-keyed roll-ups go with it; when it is deleted, its share of
-- its partner's daily figures goes. Sums are moved exactly; a partner's daily peak that the
-- organisation may have set is recomputed from the partner's other organisations.
CREATE FUNCTION usage_transfer(org text, from_key text, to_key text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_key IS NOT NULL THEN
    UPDATE usage_block SET partner_key = to_key WHERE customer_org_id = org;
    INSERT INTO usage_partner_daily (partner_key, day, metric_id, total, peak, records)
    SELECT to_key, d.day, d.metric_id, d.total, d.peak, d.records FROM usage_daily d WHERE d.customer_org_id = org
    ORDER BY d.day, d.metric_id
    ON CONFLICT (partner_key, day, metric_id) DO UPDATE SET
      total = usage_partner_daily.total + excluded.total,
      peak = greatest(usage_partner_daily.peak, excluded.peak),
      records = usage_partner_daily.records + excluded.records;
  END IF;
  UPDATE usage_partner_daily p
  SET total = p.total - d.total,
      records = p.records - d.records,
      peak = CASE WHEN d.peak < p.peak THEN p.peak ELSE coalesce((
        SELECT max(d2.peak) FROM customer_org o2 JOIN usage_daily d2 ON d2.customer_org_id = o2.id AND d2.day = p.day AND d2.metric_id = p.metric_id
        WHERE o2.id <> org AND (CASE WHEN from_key = '' THEN o2.partner_org_id IS NULL ELSE o2.partner_org_id = from_key END)
      ), 0) END
  FROM usage_daily d
  WHERE d.customer_org_id = org AND p.partner_key = from_key AND p.day = d.day AND p.metric_id = d.metric_id;
  DELETE FROM usage_partner_daily WHERE partner_key = from_key AND records <= 0;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION usage_follow_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM usage_transfer(OLD.id, coalesce(OLD.partner_org_id, ''), NULL);
    RETURN OLD;
  END IF;
  PERFORM usage_transfer(NEW.id, coalesce(OLD.partner_org_id, ''), coalesce(NEW.partner_org_id, ''));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER customer_org_usage_moves AFTER UPDATE OF partner_org_id ON customer_org
  FOR EACH ROW WHEN (OLD.partner_org_id IS DISTINCT FROM NEW.partner_org_id) EXECUTE FUNCTION usage_follow_organisation();
--> statement-breakpoint
CREATE TRIGGER customer_org_usage_deletes BEFORE DELETE ON customer_org
  FOR EACH ROW EXECUTE FUNCTION usage_follow_organisation();
--> statement-breakpoint
-- A partner's report reads only this index (index-only scan): the figures ride along in it.
DROP INDEX "usage_block_partner_idx";
--> statement-breakpoint
CREATE INDEX "usage_block_partner_idx" ON "usage_block" USING btree ("partner_key", "level", "start") INCLUDE ("customer_org_id", "metric_id", "total", "peak");
