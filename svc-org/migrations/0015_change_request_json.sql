-- A change request's body is stored as JSON of the domain request
-- (svc-org/src/store/change_json.h: title, reason, documents, items, steps,
-- current_step, submit_time), no longer as the ChangeRequest message in
-- proto3 JSON. Rows written before are recognised by the members only that
-- form has (currentStep, submitTime: every such row has one of them). Their
-- items named units, posts and enums in the API's terms, which SQL cannot
-- turn into domain items faithfully, so the old text is kept whole under
-- legacy_body with the title and reason copied beside it: such a request
-- reads with its title, reason and columns, and can only be withdrawn
-- (LEGACY_REQUEST). No release carried change requests before this one.
UPDATE change_requests SET body_json = JSON_OBJECT(
    'title', COALESCE(JSON_VALUE(body_json, '$.title'), ''),
    'reason', COALESCE(JSON_VALUE(body_json, '$.reason'), ''),
    'current_step', -1,
    'legacy_body', body_json)
  WHERE JSON_CONTAINS_PATH(body_json, 'one', '$.currentStep', '$.submitTime');
