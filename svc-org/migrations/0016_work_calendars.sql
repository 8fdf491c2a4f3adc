-- Work calendars (CalendarService): one per organisation unit, normally the
-- county centre's; a unit without one lives under the nearest calendar above
-- it. Each version holds the calendar's rules from effective_from until the
-- next version's; spec_json is the domain calendar::WorkCalendarSpec
-- (svc-org/src/store/calendar_json.h: time zone, all_day, weekday hours,
-- holidays, make-up days), never the API message. `version` is the
-- calendar's etag, raised by every new version.
CREATE TABLE IF NOT EXISTS work_calendars (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  display_name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY work_calendars_unit (unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS work_calendar_versions (
  calendar_id CHAR(26) CHARACTER SET ascii NOT NULL,
  effective_from DATE NOT NULL,
  spec_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (calendar_id, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
