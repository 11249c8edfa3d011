#!/bin/sh
# nginx for the stack: the same site as on a VM (deploy/nginx), rendered from the environment;
# a self-signed certificate is made when none is mounted in /etc/nginx/tls.
set -eu
export SERVER_NAME="${SERVER_NAME:-localhost}" UPSTREAM="${UPSTREAM:-web:8000}"
export HTTP_PORT="${HTTP_PORT:-80}" HTTPS_PORT="${HTTPS_PORT:-443}"
export TLS_CERT="${TLS_CERT:-/etc/nginx/tls/fullchain.pem}" TLS_KEY="${TLS_KEY:-/etc/nginx/tls/privkey.pem}"
export MAX_UPLOAD_MB="${DOCUMENT_MAX_UPLOAD_MB:-50}" STATIC_ROOT="${STATIC_ROOT:-/srv/static}"
if [ ! -s "$TLS_CERT" ]; then
    mkdir -p "$(dirname "$TLS_CERT")"
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$SERVER_NAME" \
        -keyout "$TLS_KEY" -out "$TLS_CERT" 2>/dev/null
fi
envsubst '${SERVER_NAME} ${UPSTREAM} ${HTTP_PORT} ${HTTPS_PORT} ${TLS_CERT} ${TLS_KEY} ${MAX_UPLOAD_MB} ${STATIC_ROOT}' \
    < /etc/nginx/procureplus.conf.template > /etc/nginx/conf.d/procureplus.conf
exec nginx -g 'daemon off;'
