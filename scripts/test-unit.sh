#!/usr/bin/env bash
# Domain and database tests with node's test runner: on PGlite, and on PostgreSQL when
# TEST_DATABASE_URL (or DATABASE_URL) is set.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find tests lib -name '*.test.ts' -not -path '*/node_modules/*' | sort)
# Mail from the domain (invitations) goes to a throwaway outbox, never the developer's .data/.
export MAIL_OUTBOX_DIR="${MAIL_OUTBOX_DIR:-$(mktemp -d)/outbox}"
# --test-force-exit: PGlite leaves a PostgreSQL idle-statistics timer armed after close(), which
# would keep a finished test file's process alive.
exec node --conditions=react-server --import tsx --test --test-concurrency=2 --test-force-exit "$@" "${files[@]}"
