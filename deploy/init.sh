#!/bin/sh
# Once at each start of the stack (or after an upgrade): wait for the database, apply the
# schema, then load the portal's content (idempotent: what editors changed is left alone).
set -eu
tries=0
until python manage.py shell -c "from django.db import connection; connection.ensure_connection()" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || { echo "the database did not answer in 120 s" >&2; exit 1; }
    sleep 2
done
python manage.py migrate --noinput
python manage.py load_portal_content
python manage.py update_search_entries
python manage.py ensure_admin
