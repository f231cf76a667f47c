#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#
#   eval "$(scripts/postgres-test-server.sh start)"   # sets TENLIK_TEST_POSTGRES_URL and _DIR
#   scripts/postgres-test-server.sh stop "$TENLIK_TEST_POSTGRES_DIR"
#
# `start` creates a new cluster in a fresh temporary folder (initdb), starts it with
# pg_ctl on a free port, and prints the shell lines to export. The superuser is
# "tenlik" with trust authentication on loopback: the server holds test data only.
# Durability is switched off (fsync) because the cluster is deleted afterwards.
# When run as root (as in CI) the server runs as the unprivileged user "postgres".
# `stop` stops that server and deletes the folder.
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgres-test-server: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

# Runs a server binary as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local dir port
  # As root the folder is in /tmp, which the "postgres" user can reach.
  local parent="${TMPDIR:-/tmp}"
  [ "$(id -u)" -eq 0 ] && parent=/tmp
  dir="$(mktemp -d "$parent/tenlik-pg.XXXXXX")"
  chmod 0700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U tenlik --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in $(seq 1 20); do
    port=$((20000 + RANDOM % 20000))
    port_is_free "$port" || continue
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
         >/dev/null; then
      echo "export TENLIK_TEST_POSTGRES_URL=postgresql://tenlik@127.0.0.1:$port/postgres"
      echo "export TENLIK_TEST_POSTGRES_DIR=$dir"
      return 0
    fi
    echo "postgres-test-server: port $port failed (attempt $attempt), retrying" >&2
  done
  tail -n 20 "$dir/server.log" >&2
  exit 1
}

stop() {
  local dir="${1:?usage: $0 stop DIR}"
  [ -f "$dir/data/PG_VERSION" ] || { echo "postgres-test-server: no cluster in $dir" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
