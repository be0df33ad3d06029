#!/usr/bin/env bash
# Makes sure the PostgreSQL pass of the integration tests has its database: a PostgreSQL server
# answering at SOPDESK_IT_DB_URL where SOPDESK_IT_DB_USER can sign in with SOPDESK_IT_DB_PASSWORD.
# When it cannot sign in and the server is this machine, it installs Debian's `postgresql`, starts
# the cluster and creates the role and the database, if this user may (root, or passwordless sudo);
# otherwise it stops at once saying what to do. The PostgreSQL pass is never skipped.
#
# Settings (environment; the build passes its it.pg.* properties):
#   SOPDESK_IT_DB_URL       default jdbc:postgresql://localhost:5432/sopdesk-it-pg (the build: one database per IT domain)
#   SOPDESK_IT_DB_USER      default sopdesk_it
#   SOPDESK_IT_DB_PASSWORD  default sopdesk_it (a throw-away test database on this machine)
set -euo pipefail
URL="${SOPDESK_IT_DB_URL:-jdbc:postgresql://localhost:5432/sopdesk-it-pg}"
USER_NAME="${SOPDESK_IT_DB_USER:-sopdesk_it}"
PASSWORD="${SOPDESK_IT_DB_PASSWORD:-sopdesk_it}"
say() { printf '[postgres] %s\n' "$*"; }

if [[ ! "$URL" =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([A-Za-z0-9_-]+)$ ]]; then
  say "SOPDESK_IT_DB_URL must look like jdbc:postgresql://host:port/database, not $URL"
  exit 1
fi
HOST="${BASH_REMATCH[1]}"
PORT="${BASH_REMATCH[3]:-5432}"
DBNAME="${BASH_REMATCH[4]}"

can_sign_in() {
  command -v psql >/dev/null &&
    PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -h "$HOST" -p "$PORT" -U "$USER_NAME" -d "$DBNAME" \
      -c 'select 1' >/dev/null 2>&1
}

if can_sign_in; then
  exit 0
fi

case "$HOST" in
  localhost|127.0.0.1|::1) ;;
  *)
    say "cannot sign in to $URL as $USER_NAME: the PostgreSQL integration tests need that database"
    exit 1 ;;
esac

if [ "$(id -u)" = 0 ]; then
  SUDO=()
  as_postgres() { runuser -u postgres -- "$@"; }
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
  as_postgres() { sudo -n -u postgres "$@"; }
else
  say "the integration tests also run on PostgreSQL, and $URL does not answer for $USER_NAME."
  say "Install and start PostgreSQL, create the test role and database, and run again:"
  say "  sudo apt-get update && sudo apt-get install -y postgresql"
  say "  sudo pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql | sort -V | tail -1) main start"
  say "  sudo -u postgres psql -c \"CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'\" -c 'CREATE DATABASE \"$DBNAME\" OWNER $USER_NAME'"
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
  say "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  say "creating the PostgreSQL $version cluster main"
  "${SUDO[@]}" pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  say "starting the PostgreSQL $version cluster main"
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
cluster_port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
if [ "$cluster_port" != "$PORT" ]; then
  say "the local PostgreSQL listens on port $cluster_port, not $PORT: set -Dit.pg.url to match"
  exit 1
fi

say "creating the role $USER_NAME and the database $DBNAME"
cd /tmp
as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres <<SQL >/dev/null
SELECT format('CREATE ROLE %I LOGIN', '$USER_NAME') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME')
\gexec
ALTER ROLE "$USER_NAME" LOGIN PASSWORD '$PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$DBNAME', '$USER_NAME') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DBNAME')
\gexec
-- a test database: commits need not wait for the disk
ALTER DATABASE "$DBNAME" SET synchronous_commit = off;
SQL

if ! can_sign_in; then
  say "created, but still cannot sign in to $URL as $USER_NAME (see pg_hba.conf of the local cluster)"
  exit 1
fi
say "PostgreSQL ready: $URL"
