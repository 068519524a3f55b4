-- Keeps license_in_use (db/schema/inventory.ts) at D-10's in use, Σ over the VA's instances of the
-- largest count across sources, and the usage row count per (VA, license), for every writer.
-- A usage statement adds its plain Σ count per pair from the transition tables, less the change of the
-- surplus (Σ − max) of the few pairs with more than one source, which license_usage_overlap remembers;
-- the surplus is taken from the rows as they are now, so it stays exact however many triggers one
-- statement fires (INSERT … ON CONFLICT fires the insert and the update trigger). An instance that
-- moves VA carries its in use along; one that is deleted takes it off before the cascade removes its usage.
-- The statement is run through EXECUTE so that it is planned for each transition table's size: a
-- static one keeps the plan made for the session's first statement (a hash join over every instance
-- after a bulk load, say). Deltas are upserted in key order so concurrent writers lock rows alike.
CREATE FUNCTION license_in_use_usage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT product_instance_id, license_definition_id, count, 1 AS sign FROM new_usage'
    WHEN 'UPDATE' THEN 'SELECT product_instance_id, license_definition_id, count, 1 AS sign FROM new_usage
      UNION ALL SELECT product_instance_id, license_definition_id, count, -1 FROM old_usage'
    ELSE 'SELECT product_instance_id, license_definition_id, count, -1 AS sign FROM old_usage'
  END;
BEGIN
  EXECUTE format($q$
    WITH changed AS (%s),
    changed_pair AS (
      SELECT product_instance_id AS pi_id, license_definition_id AS lic_id, sum(sign * count::bigint) AS plain, sum(sign) AS n
      FROM changed GROUP BY 1, 2
    ),
    -- A deleted instance's usage was taken off by license_in_use_instance_deleted: only live instances here.
    -- One index probe per pair (OFFSET 0 keeps the lookup from becoming a join): a join hashes all
    -- 100,000 instances of a VA for a statement of a thousand rows.
    pair AS (
      SELECT c.*, pi.va_id FROM changed_pair c
      CROSS JOIN LATERAL (SELECT virtual_account_id AS va_id FROM product_instances WHERE id = c.pi_id OFFSET 0) pi
    ),
    overlap AS (
      SELECT p.pi_id, p.lic_id, coalesce(o.surplus, 0) AS was, coalesce(cur.surplus, 0) AS surplus
      FROM pair p
      LEFT JOIN license_usage_overlap o ON o.product_instance_id = p.pi_id AND o.license_definition_id = p.lic_id
      CROSS JOIN LATERAL (
        SELECT sum(u.count) - max(u.count) AS surplus FROM license_usage u
        WHERE u.product_instance_id = p.pi_id AND u.license_definition_id = p.lic_id
      ) cur
      -- Only a non-REPORTED row can overlap another (partial index license_usage_not_reported_idx).
      WHERE o.product_instance_id IS NOT NULL OR EXISTS (
        SELECT FROM license_usage x
        WHERE x.product_instance_id = p.pi_id AND x.license_definition_id = p.lic_id AND x.source <> 'REPORTED'
      )
    ),
    kept AS (
      INSERT INTO license_usage_overlap (product_instance_id, license_definition_id, surplus)
      SELECT pi_id, lic_id, surplus FROM overlap WHERE surplus > 0 AND surplus <> was
      ON CONFLICT (product_instance_id, license_definition_id) DO UPDATE SET surplus = excluded.surplus
    ),
    dropped AS (
      DELETE FROM license_usage_overlap k USING overlap o
      WHERE o.surplus = 0 AND o.was > 0 AND k.product_instance_id = o.pi_id AND k.license_definition_id = o.lic_id
    )
    INSERT INTO license_in_use AS s (virtual_account_id, license_definition_id, total, usage_rows)
    SELECT p.va_id, p.lic_id, sum(p.plain - coalesce(o.surplus - o.was, 0)), sum(p.n)
    FROM pair p LEFT JOIN overlap o ON o.pi_id = p.pi_id AND o.lic_id = p.lic_id
    GROUP BY 1, 2
    HAVING sum(p.plain - coalesce(o.surplus - o.was, 0)) <> 0 OR sum(p.n) <> 0
    ORDER BY 1, 2
    ON CONFLICT (virtual_account_id, license_definition_id)
    DO UPDATE SET total = s.total + excluded.total, usage_rows = s.usage_rows + excluded.usage_rows
  $q$, changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION license_in_use_usage_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM license_usage_overlap;
  DELETE FROM license_in_use;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION license_in_use_instance_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO license_in_use AS s (virtual_account_id, license_definition_id, total, usage_rows)
  SELECT va.id, u.lic_id, va.sign * (u.total - coalesce(o.surplus, 0)), va.sign * u.n
  FROM (
    SELECT license_definition_id AS lic_id, sum(count) AS total, count(*) AS n
    FROM license_usage WHERE product_instance_id = NEW.id GROUP BY 1
  ) u
  LEFT JOIN license_usage_overlap o ON o.product_instance_id = NEW.id AND o.license_definition_id = u.lic_id
  CROSS JOIN (VALUES (OLD.virtual_account_id, -1), (NEW.virtual_account_id, 1)) AS va (id, sign)
  ORDER BY 1, 2
  ON CONFLICT (virtual_account_id, license_definition_id)
  DO UPDATE SET total = s.total + excluded.total, usage_rows = s.usage_rows + excluded.usage_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION license_in_use_instance_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE license_in_use s SET total = s.total - (u.total - coalesce(o.surplus, 0)), usage_rows = s.usage_rows - u.n
  FROM (
    SELECT license_definition_id AS lic_id, sum(count) AS total, count(*) AS n
    FROM license_usage WHERE product_instance_id = OLD.id GROUP BY 1
  ) u
  LEFT JOIN license_usage_overlap o ON o.product_instance_id = OLD.id AND o.license_definition_id = u.lic_id
  WHERE s.virtual_account_id = OLD.virtual_account_id AND s.license_definition_id = u.lic_id;
  RETURN OLD;
END $$;
--> statement-breakpoint
-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER license_in_use_after_usage_insert AFTER INSERT ON license_usage
  REFERENCING NEW TABLE AS new_usage FOR EACH STATEMENT EXECUTE FUNCTION license_in_use_usage_changed();
--> statement-breakpoint
CREATE TRIGGER license_in_use_after_usage_update AFTER UPDATE ON license_usage
  REFERENCING OLD TABLE AS old_usage NEW TABLE AS new_usage FOR EACH STATEMENT EXECUTE FUNCTION license_in_use_usage_changed();
--> statement-breakpoint
CREATE TRIGGER license_in_use_after_usage_delete AFTER DELETE ON license_usage
  REFERENCING OLD TABLE AS old_usage FOR EACH STATEMENT EXECUTE FUNCTION license_in_use_usage_changed();
--> statement-breakpoint
CREATE TRIGGER license_in_use_after_usage_truncate AFTER TRUNCATE ON license_usage
  FOR EACH STATEMENT EXECUTE FUNCTION license_in_use_usage_truncated();
--> statement-breakpoint
CREATE TRIGGER license_in_use_after_instance_move AFTER UPDATE OF virtual_account_id ON product_instances
  FOR EACH ROW WHEN (OLD.virtual_account_id IS DISTINCT FROM NEW.virtual_account_id) EXECUTE FUNCTION license_in_use_instance_moved();
--> statement-breakpoint
-- BEFORE: once the instance row is gone, the cascaded usage delete no longer knows its VA.
CREATE TRIGGER license_in_use_before_instance_delete BEFORE DELETE ON product_instances
  FOR EACH ROW EXECUTE FUNCTION license_in_use_instance_deleted();
--> statement-breakpoint
INSERT INTO license_usage_overlap (product_instance_id, license_definition_id, surplus)
SELECT product_instance_id, license_definition_id, sum(count) - max(count)
FROM license_usage GROUP BY 1, 2 HAVING sum(count) - max(count) > 0;
--> statement-breakpoint
INSERT INTO license_in_use (virtual_account_id, license_definition_id, total, usage_rows)
SELECT pi.virtual_account_id, p.license_definition_id, sum(p.used), sum(p.n)
FROM (
  SELECT product_instance_id, license_definition_id, max(count) AS used, count(*) AS n FROM license_usage GROUP BY 1, 2
) p JOIN product_instances pi ON pi.id = p.product_instance_id
GROUP BY 1, 2;
