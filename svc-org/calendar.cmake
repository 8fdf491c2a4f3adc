# The suite's work calendars (included by svc-org/CMakeLists.txt): the
# stored calendars and their dated versions, and CalendarsApi, which serves
# CalendarService (hosted by org_services.cc with the other services). The
# rules and arithmetic are huinong_calendar (common/calendar); the schema is
# migrations/0016_work_calendars.sql.
target_sources(svc_org_lib PRIVATE
  src/domain/calendar_record.cc
  src/store/calendar_json.cc
  src/store/calendar_store.cc
  src/api/calendar_mapping.cc
  src/api/calendars_api.cc
  src/api/calendar_reads_api.cc)
target_link_libraries(svc_org_lib PUBLIC huinong_calendar)

huinong_test(org_calendar_test LABEL unit
  SOURCES tests/calendar_json_test.cc tests/calendar_mapping_test.cc
  LIBS svc_org_lib)

huinong_test(org_calendar_integration_test LABEL integration
  SOURCES tests/calendars_api_test.cc tests/calendar_deadline_test.cc tests/calendar_fixture.cc
          tests/structure_fixture.cc tests/org_fixture.cc
  LIBS svc_org_lib huinong_testdb huinong_fake_audit huinong_server_testing)
