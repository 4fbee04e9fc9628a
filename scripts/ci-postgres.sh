#!/bin/sh
# Install (Debian packages) and start a local PostgreSQL for the central-service tests, idempotently,
# then print the URL to export as CENTRAL_TEST_PG_URL:
#   export CENTRAL_TEST_PG_URL="$(scripts/ci-postgres.sh)"
#   .venv/bin/python -m pytest tests/central -q
# Needs root (or sudo) for apt-get and for running commands as the postgres user. Progress goes to stderr.
set -eu

DB_NAME="${CENTRAL_PG_DB:-central_test}"
DB_USER="${CENTRAL_PG_USER:-central}"
DB_PASS="${CENTRAL_PG_PASSWORD:-central}"
PORT="${CENTRAL_PG_PORT:-5432}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "ci-postgres: installing postgresql" >&2
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi

# First cluster of the newest installed version; create one if the package did not.
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v' | grep -q .; then
    echo "ci-postgres: creating cluster $VERSION/main" >&2
    as_root pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
CLUSTER="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v {print $2; exit}')"
CPORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $3; exit}')"
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -q online; then
    echo "ci-postgres: starting cluster $VERSION/$CLUSTER" >&2
    as_root pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Wait for the server to accept connections (bounded).
i=0
until as_postgres "psql -p $CPORT -qAtc 'select 1'" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -gt 60 ]; then echo "ci-postgres: server did not come up" >&2; exit 1; fi
    sleep 0.5
done

as_postgres "psql -p $CPORT -qAtc \"select 1 from pg_roles where rolname = '$DB_USER'\"" | grep -q 1 || \
    as_postgres "psql -p $CPORT -qc \"create role $DB_USER login password '$DB_PASS'\"" >&2
as_postgres "psql -p $CPORT -qAtc \"select 1 from pg_database where datname = '$DB_NAME'\"" | grep -q 1 || \
    as_postgres "createdb -p $CPORT -O $DB_USER $DB_NAME" >&2

echo "postgresql+psycopg://$DB_USER:$DB_PASS@127.0.0.1:$CPORT/$DB_NAME"
