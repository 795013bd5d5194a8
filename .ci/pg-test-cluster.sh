#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the central-store tests: initdb in a fresh temp folder owned
# by the postgres user, listening on 127.0.0.1 only, with one database and one role for the tests
# (password in a file readable by the caller only). Nothing of it outlives "stop".
#
#   .ci/pg-test-cluster.sh start   # prints the export lines for the tests (eval them)
#   .ci/pg-test-cluster.sh stop    # stops the server and deletes its folder
#
# Needs Debian's postgresql package (the 15 binaries under /usr/lib/postgresql/15/bin) and root,
# or to be run as the postgres user itself. The state of a running cluster is kept in
# $HARBOR_PG_STATE (default /tmp/harbor-pg-test.state), so "stop" finds what "start" made.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${HARBOR_PG_STATE:-/tmp/harbor-pg-test.state}"
PORT="${HARBOR_PG_PORT:-55432}"
DB=harbor_test
ROLE=harbor_test

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

start() {
  if [ -f "$STATE" ]; then
    echo "pg-test-cluster: a cluster is already recorded in $STATE; run stop first" >&2
    exit 1
  fi
  [ -x "$PG_BIN/initdb" ] || { echo "pg-test-cluster: no PostgreSQL at $PG_BIN (apt-get install postgresql)" >&2; exit 1; }
  local dir
  dir="$(mktemp -d /tmp/harbor-pg.XXXXXX)"
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/sock"
  chown postgres:postgres "$dir/data" "$dir/sock" 2>/dev/null || true
  chmod 700 "$dir/data"
  # The test role's password: random, in a file only the caller can read.
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$dir/password"
  chmod 600 "$dir/password"
  # Written before anything can fail, so that stop cleans up after a half start too.
  printf 'DIR=%s\nPORT=%s\n' "$dir" "$PORT" > "$STATE"

  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir/sock -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/data/server.log" >&2; exit 1; }
  local password
  password="$(cat "$dir/password")"
  as_postgres "$PG_BIN/psql" -h "$dir/sock" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $ROLE LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE $DB OWNER $ROLE" >/dev/null
  echo "export HARBOR_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB"
  echo "export HARBOR_TEST_PG_USER=$ROLE"
  echo "export HARBOR_TEST_PG_PASSWORD_FILE=$dir/password"
  echo "export HARBOR_TEST_PG_DATA=$dir/data"
  echo "export HARBOR_TEST_PG_BIN=$PG_BIN"
}

stop() {
  [ -f "$STATE" ] || return 0
  local dir
  dir="$(sed -n 's/^DIR=//p' "$STATE")"
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in
    /tmp/harbor-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
