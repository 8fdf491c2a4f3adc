# The org queries (included by svc-org/CMakeLists.txt): the chart, reporting
# chains and reports, vacancies, concurrency, acting heads, coverage gaps and
# the post-design review, capability holders and checks: QueriesApi serves
# OrgQueryService. The library uses svc_org_lib's stores and mappings, and
# svc_org_lib links it back (org_services.cc hosts a QueriesApi): a cycle
# CMake allows between static libraries, and resolves by repeating them on
# the link line.
add_library(svc_org_queries STATIC
  src/domain/org_queries.cc
  src/domain/org_queries_review.cc
  src/store/query_store.cc
  src/api/queries_api.cc
  src/api/queries_api_reports.cc
  src/api/capabilities_api.cc)
target_include_directories(svc_org_queries PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(svc_org_queries PUBLIC svc_org_lib huinong_server huinong_outbox huinong_db
  huinong_rpc huinong_core huinong_protos)
huinong_warnings(svc_org_queries)

huinong_test(org_queries_domain_test LABEL unit
  SOURCES tests/queries_rules_test.cc
  LIBS svc_org_queries svc_org_lib)

huinong_test(org_queries_integration_test LABEL integration
  SOURCES tests/queries_chain_test.cc tests/queries_reports_test.cc
          tests/structure_fixture.cc tests/org_fixture.cc
  LIBS svc_org_queries svc_org_lib huinong_testdb huinong_fake_audit huinong_server_testing)
