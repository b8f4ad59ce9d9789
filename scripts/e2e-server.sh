#!/usr/bin/env bash
# Starts the production build on a fresh, seeded database for the Playwright run: the SQLite file E2E_DB, or the
# PostgreSQL database E2E_DATABASE_URL names (`npm run test:pg` creates it empty first).
set -euo pipefail
mkdir -p tests/.tmp
db="${E2E_DB:-tests/.tmp/e2e.db}"
export DATABASE_URL="${E2E_DATABASE_URL:-file:./$db}"
export ATTACHMENTS_DIR="${ATTACHMENTS_DIR:-tests/.tmp/attachments}"
[ -n "${E2E_DATABASE_URL:-}" ] || rm -f "$db" "$db-wal" "$db-shm"
node_modules/.bin/tsx scripts/db-migrate.ts > /dev/null
node_modules/.bin/tsx prisma/seed.ts
{ [ -f build/index.js ] && [ -f generated/content.json ]; } || npm run build --silent
exec env NODE_ENV=${E2E_NODE_ENV:-production} node server.js
