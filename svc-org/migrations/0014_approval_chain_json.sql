-- An approval chain's title and steps are stored as JSON of the domain chain
-- (svc-org/src/store/json_codec.h: {"title", "steps": [{"title",
-- "capability", "at_unit_id", "applies_to": [ChangeKind numbers]}]}), no
-- longer as the proto ApprovalChain in proto3 JSON. This converts the rows
-- written before: their steps name `requiredCapability`, `atUnit` as
-- "units/{id}" and `appliesTo` by enum name, whose place in FIELD()'s list
-- is its number. Only rows still in the old form are picked (a step with
-- requiredCapability), so a re-run converts what is left. Text columns name
-- their character set (the server's default may not hold Chinese).
UPDATE approval_chains c SET body_json = JSON_OBJECT(
    'title', COALESCE(JSON_VALUE(c.body_json, '$.title'), ''),
    'steps', JSON_EXTRACT(COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
                 'title', COALESCE(s.title, ''),
                 'capability', COALESCE(s.capability, ''),
                 'at_unit_id', SUBSTRING(COALESCE(s.at_unit, ''), 7),
                 'applies_to', JSON_EXTRACT(COALESCE((
                     SELECT JSON_ARRAYAGG(FIELD(k.kind,
                              'CHANGE_KIND_CREATE_UNIT', 'CHANGE_KIND_UPDATE_UNIT', 'CHANGE_KIND_MERGE_UNITS',
                              'CHANGE_KIND_SPLIT_UNIT', 'CHANGE_KIND_ABOLISH_UNIT', 'CHANGE_KIND_MOVE_UNIT',
                              'CHANGE_KIND_CREATE_POST', 'CHANGE_KIND_UPDATE_POST', 'CHANGE_KIND_ABOLISH_POST',
                              'CHANGE_KIND_SET_QUOTA', 'CHANGE_KIND_MOVE_REPORTING_LINE') ORDER BY k.ord)
                     FROM JSON_TABLE(JSON_QUERY(c.body_json, CONCAT('$.steps[', s.ord - 1, '].appliesTo')), '$[*]'
                            COLUMNS (ord FOR ORDINALITY,
                                     kind VARCHAR(64) CHARACTER SET utf8mb4 PATH '$')) k), '[]'), '$'))
               ORDER BY s.ord)
        FROM JSON_TABLE(c.body_json, '$.steps[*]' COLUMNS (
               ord FOR ORDINALITY,
               title VARCHAR(400) CHARACTER SET utf8mb4 PATH '$.title',
               capability VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.requiredCapability',
               at_unit VARCHAR(64) CHARACTER SET utf8mb4 PATH '$.atUnit')) s), '[]'), '$'))
  WHERE JSON_EXISTS(c.body_json, '$.steps[0].requiredCapability');
