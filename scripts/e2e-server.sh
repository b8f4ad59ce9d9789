#!/usr/bin/env bash
# Starts the production build on a fresh, seeded database for the Playwright run.
set -euo pipefail
mkdir -p tests/.tmp
db="${E2E_DB:-tests/.tmp/e2e.db}"
export DATABASE_URL="file:./$db"
rm -f "$db" "$db-wal" "$db-shm"
node_modules/.bin/prisma migrate deploy > /dev/null
node_modules/.bin/tsx prisma/seed.ts
{ [ -f build/index.js ] && [ -f generated/content.json ]; } || npm run build --silent
exec env NODE_ENV=${E2E_NODE_ENV:-production} node server.js
