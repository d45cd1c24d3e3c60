#!/usr/bin/env bash
# The hardening suite (issue 7): the production build (NEXT_DIST_DIR, default .next) started by the
# tests on fresh PostgreSQL databases: authorization matrix, hostile input, faults, a short soak,
# two instances, headers and secrets. Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find tests/hardening -name '*.hard.ts' | sort)
[ "$#" -gt 0 ] && files=("$@")
exec node --conditions=react-server --import tsx --test --test-concurrency=1 "${files[@]}"
