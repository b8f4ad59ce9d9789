#!/usr/bin/env bash
# nginx with a self-signed certificate in front of the e2e app server (playwright.proxy.config.ts).
# Everything it writes (certificate, config, pid, logs) stays under tests/.tmp/proxy.
set -euo pipefail
dir="$(pwd)/tests/.tmp/proxy"
rm -rf "$dir" && mkdir -p "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2> /dev/null
node scripts/nginx-config.mjs --test-dir "$dir" --server-name localhost \
  --certificate "$dir/cert.pem" --key "$dir/key.pem" --app "127.0.0.1:${E2E_APP_PORT}" \
  --http-port "${E2E_HTTP_PORT}" --https-port "${E2E_TLS_PORT}" > "$dir/nginx.conf"
exec nginx -c "$dir/nginx.conf" -e "$dir/error.log" -g "daemon off;"
