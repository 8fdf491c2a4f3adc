# Run once by the MariaDB image's entrypoint on a new data directory (sourced,
# with its docker_process_sql): svc-audit's runtime account, with no
# privileges yet. Passwords are hex (k8s/README.md), so they need no quoting.
password=$(cat /etc/mariadb/secrets/runtime/password)
docker_process_sql --database=mysql <<SQL
CREATE USER IF NOT EXISTS 'huinong_audit'@'%' IDENTIFIED BY '${password}';
SQL
