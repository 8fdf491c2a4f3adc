-- A staffing rule is stored as JSON of the domain rule
-- (svc-org/src/store/staffing_rule_json.h), no longer as the proto's `rule`
-- oneof in proto3 JSON, so the API's messages can change without the table.
-- This converts the rows written before. Proto3 JSON names members in
-- lowerCamelCase, prints int64 as strings and enums by name, and leaves zero
-- values out (a Decimal of 0 is {}); every row was checked before it was
-- written, so the required members are there. Each statement picks only rows
-- still in the old form (a camelCase member; a formula's rounding by its
-- enum name), so a re-run after a partial failure converts what is left.
-- Enum names lose their prefix and are lower-cased: ROUNDING_MODE_HALF_UP
-- becomes half_up, POST_KIND_PROFESSIONAL_TECHNICAL professional_technical.
-- JSON_TABLE's text columns name their character set: they would otherwise
-- take the server's, which may not hold Chinese.
UPDATE staffing_standard_versions SET rule_json = JSON_OBJECT('per_unit', JSON_OBJECT(
    'driver', JSON_VALUE(rule_json, '$.perUnit.driver'),
    'per_micros', CAST(COALESCE(JSON_VALUE(rule_json, '$.perUnit.per.micros'), '0') AS SIGNED),
    'posts_per_step', CAST(COALESCE(JSON_VALUE(rule_json, '$.perUnit.postsPerStep'), '0') AS SIGNED),
    'rounding', LOWER(SUBSTRING(JSON_VALUE(rule_json, '$.perUnit.rounding'), 15)),
    'minimum', CAST(COALESCE(JSON_VALUE(rule_json, '$.perUnit.minimum'), '0') AS SIGNED)))
  WHERE JSON_EXISTS(rule_json, '$.perUnit');

UPDATE staffing_standard_versions v SET rule_json = JSON_OBJECT('formula', JSON_OBJECT(
    'expression', JSON_VALUE(rule_json, '$.formula.expression'),
    'variables', JSON_EXTRACT(COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
                 'name', t.name, 'description', COALESCE(t.description, ''),
                 'default_micros', IF(t.has_default = 'true', COALESCE(t.default_micros, 0), NULL))
               ORDER BY t.ord)
        FROM JSON_TABLE(v.rule_json, '$.formula.variables[*]' COLUMNS (
               ord FOR ORDINALITY,
               name VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.name',
               description VARCHAR(1000) CHARACTER SET utf8mb4 PATH '$.description',
               has_default VARCHAR(5) CHARACTER SET utf8mb4 PATH '$.hasDefault',
               default_micros BIGINT PATH '$.defaultValue.micros')) t), '[]'), '$'),
    'rounding', LOWER(SUBSTRING(JSON_VALUE(rule_json, '$.formula.rounding'), 15)),
    'minimum', CAST(COALESCE(JSON_VALUE(rule_json, '$.formula.minimum'), '0') AS SIGNED)))
  WHERE JSON_VALUE(rule_json, '$.formula.rounding') LIKE 'ROUNDING\_MODE\_%';

UPDATE staffing_standard_versions v SET rule_json = JSON_OBJECT('summed_fractions', JSON_OBJECT(
    'terms', JSON_EXTRACT(COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT('driver', t.driver, 'capacity_micros', COALESCE(t.capacity_micros, 0))
               ORDER BY t.ord)
        FROM JSON_TABLE(v.rule_json, '$.summedFractions.terms[*]' COLUMNS (
               ord FOR ORDINALITY,
               driver VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.driver',
               capacity_micros BIGINT PATH '$.capacity.micros')) t), '[]'), '$'),
    'rounding', LOWER(SUBSTRING(JSON_VALUE(rule_json, '$.summedFractions.rounding'), 15)),
    'minimum', CAST(COALESCE(JSON_VALUE(rule_json, '$.summedFractions.minimum'), '0') AS SIGNED)))
  WHERE JSON_EXISTS(rule_json, '$.summedFractions');

UPDATE staffing_standard_versions v SET rule_json = JSON_OBJECT('percentage_bands', JSON_OBJECT(
    'total_driver', COALESCE(JSON_VALUE(rule_json, '$.percentageBands.totalDriver'), ''),
    'bands', JSON_EXTRACT(COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
                 'kind', LOWER(SUBSTRING(t.kind, 11)),
                 'min_bp', COALESCE(t.min_bp, 0), 'max_bp', COALESCE(t.max_bp, 0))
               ORDER BY t.ord)
        FROM JSON_TABLE(v.rule_json, '$.percentageBands.bands[*]' COLUMNS (
               ord FOR ORDINALITY,
               kind VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.kind',
               min_bp INT PATH '$.minBp',
               max_bp INT PATH '$.maxBp')) t), '[]'), '$')))
  WHERE JSON_EXISTS(rule_json, '$.percentageBands');

UPDATE staffing_standard_versions v SET rule_json = JSON_OBJECT('ratio_pyramid', JSON_OBJECT(
    'base_driver', JSON_VALUE(rule_json, '$.ratioPyramid.baseDriver'),
    'tiers', JSON_EXTRACT(COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
                 'role', t.role, 'relative_to', t.relative_to,
                 'ratio_micros', COALESCE(t.ratio_micros, 0),
                 'rounding', LOWER(SUBSTRING(t.rounding, 15)))
               ORDER BY t.ord)
        FROM JSON_TABLE(v.rule_json, '$.ratioPyramid.tiers[*]' COLUMNS (
               ord FOR ORDINALITY,
               role VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.role',
               relative_to VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.relativeTo',
               ratio_micros BIGINT PATH '$.ratio.micros',
               rounding VARCHAR(32) CHARACTER SET utf8mb4 PATH '$.rounding')) t), '[]'), '$')))
  WHERE JSON_EXISTS(rule_json, '$.ratioPyramid');
