#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster on loopback and creates the test role and database.
# Prints the DATABASE_URL to use. Idempotent: safe to run when it is already up.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
# The test suite runs its tests in parallel, each with its own schema and connections.
if [ "$(su postgres -c "psql -qtAc 'SHOW max_connections'")" -lt 500 ]; then
  su postgres -c "psql -qc 'ALTER SYSTEM SET max_connections = 500'"
  pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q -h 127.0.0.1" && break
    sleep 1
  done
fi
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='pactum'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE pactum LOGIN PASSWORD 'pactum'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='pactum_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O pactum pactum_test"
echo "postgres://pactum:pactum@127.0.0.1:5432/pactum_test"
