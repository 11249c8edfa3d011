#!/bin/sh
# PostgreSQL for the stack: a cluster made on the first start (user, password and database
# from POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB), then served on POSTGRES_PORT.
set -eu
BIN=/usr/lib/postgresql/15/bin
DATA=/var/lib/postgresql/data
PORT="${POSTGRES_PORT:-5432}"
if [ ! -s "$DATA/PG_VERSION" ]; then
    printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
    "$BIN/initdb" -D "$DATA" --username="$POSTGRES_USER" --pwfile=/tmp/pwfile \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8
    rm -f /tmp/pwfile
    echo "host all all all scram-sha-256" >> "$DATA/pg_hba.conf"
    "$BIN/pg_ctl" -D "$DATA" -w -o "-c listen_addresses='' -p $PORT" start
    "$BIN/createdb" -p "$PORT" -U "$POSTGRES_USER" "$POSTGRES_DB"
    "$BIN/pg_ctl" -D "$DATA" -w stop
fi
exec "$BIN/postgres" -D "$DATA" -c listen_addresses='*' -p "$PORT"
