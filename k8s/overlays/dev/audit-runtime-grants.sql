-- svc-audit's runtime account's table grants on the dev overlay's database:
-- what `svc-audit --print-grants --db-name=huinong_audit
-- --db-user=huinong_audit` prints, for host '%' (a pod's address) instead of
-- localhost and 127.0.0.1. tests/deploy fails when they differ.
GRANT SELECT, INSERT ON `huinong_audit`.`events` TO 'huinong_audit'@'%';
GRANT SELECT, INSERT ON `huinong_audit`.`checkpoints` TO 'huinong_audit'@'%';
GRANT SELECT, INSERT ON `huinong_audit`.`signing_keys` TO 'huinong_audit'@'%';
GRANT SELECT, UPDATE ON `huinong_audit`.`chain_head` TO 'huinong_audit'@'%';
GRANT SELECT, INSERT ON `huinong_audit`.`schema_migrations` TO 'huinong_audit'@'%';
GRANT SELECT, INSERT, UPDATE ON `huinong_audit`.`request_log` TO 'huinong_audit'@'%';
