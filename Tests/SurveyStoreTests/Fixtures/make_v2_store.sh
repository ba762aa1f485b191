#!/usr/bin/env bash
# Makes v2-store.sqlite: a response store written by the toolkit before schema version 3 (commit
# 9047697, where a response was keyed by its platform id alone, or by its text), for the
# migration tests in StoreMigrationTests.swift.
#
# Usage: make_v2_store.sh PATH/TO/OLD/survey   (a `survey` built from commit 9047697)
set -euo pipefail
old="$1"
here="$(cd "$(dirname "$0")" && pwd)"
survey="$here/../../SurveyIngestTests/Fixtures/platforms/club.survey"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# With ids: generic.csv (a1 and a2), wave 1.
"$old" import --survey "$survey" --store "$work/v2.db" --wave 1 \
  "$here/../../SurveyIngestTests/Fixtures/platforms/generic.csv"
# Without ids: two identical rows (the old key kept only one), another row, and a rejected row.
cp "$here/v2-keyless.csv" "$work/keyless.csv"
"$old" import --survey "$survey" --store "$work/v2.db" --wave 1 "$work/keyless.csv" || true
sqlite3 "$work/v2.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;" >/dev/null
cp "$work/v2.db" "$here/v2-store.sqlite"
echo "wrote $here/v2-store.sqlite"
