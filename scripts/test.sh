#!/usr/bin/env bash
# Everything: type check, domain and database tests (PGlite, and PostgreSQL when
# TEST_DATABASE_URL is set), then the production build end to end in Chromium (on PGlite, and on
# PostgreSQL when E2E_DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== type check"
npm run --silent typecheck

echo "== domain and database tests on PGlite"
env -u DATABASE_URL -u TEST_DATABASE_URL bash scripts/test-unit.sh

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== domain and database tests on PostgreSQL"
  bash scripts/test-unit.sh
fi

echo "== build"
npm run --silent build

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== hardening: authorization matrix, hostile input, faults, short soak, headers and secrets (PostgreSQL)"
  bash scripts/test-hardening.sh
fi

echo "== end to end on PGlite"
env -u DATABASE_URL -u E2E_DATABASE_URL npx playwright test
echo "== single sign-on end to end (a loopback OpenID provider) on PGlite"
env -u DATABASE_URL -u E2E_DATABASE_URL npx playwright test -c playwright.oidc.config.ts

if [ -n "${E2E_DATABASE_URL:-}" ]; then
  # Run twice only what differs by database: the specs that only look at the browser side (themes,
  # phones, typing, console and icons) read and write nothing the other database would store
  # differently, so they run once, above.
  mapfile -t pg_specs < <(ls e2e/*.spec.ts | grep -v -E '/(themes-and-phones|typing|page-quality)\.spec\.ts$')
  echo "== end to end on PostgreSQL (${#pg_specs[@]} specs that read or write the database)"
  E2E_DATA_DIR=.data-e2e-pg npx playwright test "${pg_specs[@]}"
  echo "== single sign-on end to end on PostgreSQL"
  E2E_OIDC_DATA_DIR=.data-e2e-oidc-pg npx playwright test -c playwright.oidc.config.ts
fi
