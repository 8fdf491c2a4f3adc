# Staffing standards and the calculator (included by svc-org/CMakeLists.txt).
# The library holds the pure rules, their store and StaffingApi, which serves
# StaffingService (hosted by svc_org_lib's org_services.cc). The schema lives in
# migrations/0010_staffing_standards.sql (the rule's stored form since
# 0013_staffing_rule_json.sql), embedded with the other migrations.
add_library(svc_org_staffing STATIC
  src/domain/staffing_number.cc
  src/domain/staffing_formula.cc
  src/domain/staffing_standard.cc
  src/domain/staffing_calculator.cc
  src/domain/staffing_compliance.cc
  src/store/staffing_rule_json.cc
  src/store/standard_store.cc
  src/api/staffing_rule_mapping.cc
  src/api/staffing_mapping.cc
  src/api/staffing_api.cc
  src/api/staffing_calculator_api.cc)
target_include_directories(svc_org_staffing PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(svc_org_staffing PUBLIC svc_org_tree huinong_server huinong_outbox huinong_db huinong_rpc
  huinong_core huinong_protos PRIVATE nlohmann_json::nlohmann_json)
huinong_warnings(svc_org_staffing)

huinong_test(org_staffing_test LABEL unit
  SOURCES tests/staffing_rules_test.cc tests/staffing_number_test.cc tests/staffing_standard_test.cc
          tests/staffing_rule_json_test.cc
  LIBS svc_org_staffing)

# The integration tests apply svc-org's own migration files, embedded under a
# separate name (the fixture keeps only the unit registry's and its own, so
# it does not depend on work in progress elsewhere in svc-org).
huinong_embed_migrations(ORG_STAFFING_TEST_MIGRATIONS_CC DIR ${CMAKE_CURRENT_SOURCE_DIR}/migrations
  NAMESPACE huinong::org::staffing_test FUNCTION OrgMigrationFiles COMPONENT org_staffing_test)
huinong_test(org_staffing_integration_test LABEL integration
  SOURCES tests/staffing_fixture.cc tests/staffing_api_test.cc tests/staffing_calculate_api_test.cc
          tests/staffing_migration_test.cc
          ${ORG_STAFFING_TEST_MIGRATIONS_CC}
  LIBS svc_org_lib svc_org_staffing huinong_testdb huinong_server_testing)
