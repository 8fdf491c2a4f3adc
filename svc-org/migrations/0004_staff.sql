-- Members of staff. Phone numbers are personal data: stored as given, masked
-- in responses to everyone but hr and admin, and in audit events.
CREATE TABLE IF NOT EXISTS staff (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  employee_number VARCHAR(64) NULL,
  phone VARCHAR(32) NOT NULL,
  email VARCHAR(200) NOT NULL,
  status TINYINT NOT NULL,
  employer VARCHAR(200) NOT NULL,
  qualifications_json MEDIUMTEXT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY staff_employee_number (employee_number),
  KEY staff_status (status, id),
  KEY staff_display_name (display_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
