#!/usr/bin/env bash
# `make stack-test`: builds both images, starts the compose stack on the host's network with its
# own settings and volumes, checks it end to end, then removes it. 270 s here from a
# warm build cache (see docs/operations.md); not part of .ci/run.
# BASE_IMAGE (default localhost/debian:bookworm, made with debootstrap + podman import) and
# CA_BUNDLE (default the machine's bundle) are passed to `make image`.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
export BASE_IMAGE="${BASE_IMAGE:-localhost/debian:bookworm}"
export CA_BUNDLE="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
export ENV_FILE=/tmp/procureplus-stack-test.env
WEB=127.0.0.1:8107 HTTP=8180 HTTPS=8443
COMPOSE=(.venv/bin/podman-compose -p procureplus-stacktest -f compose.yaml -f deploy/compose.hostnet.yaml)

step() { printf '\n=== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
fail() { echo "FAILED: $*" >&2; "${COMPOSE[@]}" logs >/tmp/procureplus-stack-test.log 2>&1 || true;
         echo "service logs: /tmp/procureplus-stack-test.log" >&2; exit 1; }

step "images"
make image BASE_IMAGE="$BASE_IMAGE" CA_BUNDLE="$CA_BUNDLE" CONTAINER_BUILD_ARGS="--network host"

step "settings"
sed -e "s|^SECRET_KEY=.*|SECRET_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')|" \
    -e "s|^ALLOWED_HOSTS=.*|ALLOWED_HOSTS=localhost,127.0.0.1|" \
    -e "s|^CSRF_TRUSTED_ORIGINS=.*|CSRF_TRUSTED_ORIGINS=https://localhost:$HTTPS|" \
    -e "s|^WAGTAILADMIN_BASE_URL=.*|WAGTAILADMIN_BASE_URL=https://localhost:$HTTPS|" \
    -e "s|^POSTGRES_PASSWORD=.*|POSTGRES_PASSWORD=stack-test|" \
    -e "s|^POSTGRES_PORT=.*|POSTGRES_PORT=5440|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=postgres://procureplus:stack-test@127.0.0.1:5440/procureplus|" \
    -e "s|^REDIS_PORT=.*|REDIS_PORT=6390|" \
    -e "s|^REDIS_URL=.*|REDIS_URL=redis://127.0.0.1:6390/0|" \
    -e "s|^BIND=.*|BIND=$WEB|" \
    -e "s|^UPSTREAM=.*|UPSTREAM=$WEB|" \
    -e "s|^SERVER_NAME=.*|SERVER_NAME=localhost|" \
    -e "s|^HTTP_PORT=.*|HTTP_PORT=$HTTP|" \
    -e "s|^HTTPS_PORT=.*|HTTPS_PORT=$HTTPS|" \
    -e "s|^WEB_CONCURRENCY=.*|WEB_CONCURRENCY=2|" \
    .env.example >"$ENV_FILE"

step "stack up"
"${COMPOSE[@]}" down -v >/dev/null 2>&1 || true
# KEEP=1 leaves the stack running for a look (remove it with the same command and `down -v`).
[ -n "${KEEP:-}" ] || trap '"${COMPOSE[@]}" down -v >/dev/null 2>&1 || true' EXIT
"${COMPOSE[@]}" up -d

step "waiting for /readyz (migrations and content load first)"
deadline=$(($(date +%s) + ${STACK_TEST_WAIT:-1200}))  # the first start loads all the content
while [ "$(date +%s)" -lt "$deadline" ]; do
  code=$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$HTTPS/readyz" || true)
  [ "$code" = 200 ] && break
  sleep 5
done
[ "$code" = 200 ] || fail "/readyz answered $code"
curl -s -H "Host: localhost" "http://$WEB/readyz"; echo

step "pages through nginx"
for path in /pt/ /en/; do
  code=$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$HTTPS$path")
  echo "https $path -> $code"; [ "$code" = 200 ] || fail "$path answered $code"
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP/pt/")
echo "http /pt/ -> $code"; [ "$code" = 301 ] || fail "plain HTTP answered $code, not a redirect"
curl -sk -D - -o /dev/null -H "X-Request-ID: stack-test-1" "https://localhost:$HTTPS/en/" \
  | grep -i "^x-request-id: stack-test-1" || fail "the request id did not come back"

step "scheduled jobs, once each"
scheduler=$(podman ps --filter "label=com.docker.compose.project=procureplus-stacktest" \
  --filter "label=com.docker.compose.service=scheduler" --format '{{.Names}}' | head -n 1)
[ -n "$scheduler" ] || fail "no scheduler container"
for job in $(podman exec "$scheduler" python -c \
    "import sys; sys.path.insert(0, 'deploy'); import scheduler; print(*scheduler.JOBS)"); do
  podman exec "$scheduler" python deploy/scheduler.py --once "$job" || fail "job $job"
done
podman exec "$scheduler" sh -c 'ls -l /data/backups/procureplus-*.tar.gz' || fail "no backup file"

step "task worker: a queued mail is attempted"
[ -n "$(podman ps --filter "label=com.docker.compose.project=procureplus-stacktest" \
  --filter "label=com.docker.compose.service=worker" --format '{{.Names}}')" ] || fail "no worker"
podman exec "$scheduler" python manage.py shell -c "
import time
from core.outgoing_mail import queue_mail
mail = queue_mail('Stack test', 'The task worker sends this.', ['ops@example.pt'])
for _ in range(60):
    mail.refresh_from_db()
    if mail.attempts:
        break
    time.sleep(1)
print('worker attempts:', mail.attempts, mail.status, mail.last_error[:80])
assert mail.attempts, 'the worker never took the mail'
" || fail "the task worker did not run the queued mail"

step "JSON logs"
web=$(podman ps --filter "label=com.docker.compose.project=procureplus-stacktest" \
  --filter "label=com.docker.compose.service=web" --format '{{.Names}}' | head -n 1)
podman logs "$web" 2>&1 | grep '"logger": "gunicorn.access"' | grep stack-test-1 \
  || fail "no JSON access line with the request id"

step "all checks passed in $(($(date +%s) - started)) s"
