#!/usr/bin/env bash
# `npm test`: the type-check, eslint and the unit tests (every test outside test/integ/; the proofs
# are `npm run test:proofs`). eslint runs beside the type-check and the unit tests: it is
# single-threaded and takes longer than tsc, so on a 2-core machine the loop takes about as long as
# tsc and jest alone (from a fresh clone: about 45 s instead of 60 s one after the other). The unit
# tests start only when the types check. Everything runs to the end; the step fails if any part
# fails, and says which. Arguments go to jest (test paths, -t PATTERN).
set -u
cd "$(dirname "$0")/.."
lint_log=$(mktemp)
trap 'rm -f "$lint_log"' EXIT
npx projen eslint >"$lint_log" 2>&1 &
lint_pid=$!
npx tsc --noEmit -p test/tsconfig.json
types=$?
unit=0
if [ "$types" -eq 0 ]; then
  # The ignore pattern is one value and comes first: arguments given to npm test stay test paths.
  npx jest --testPathIgnorePatterns '/(node_modules|test/integ)/' --ci --passWithNoTests "$@"
  unit=$?
fi
wait "$lint_pid"
lint=$?
cat "$lint_log"
[ "$types" -eq 0 ] || echo "npm test: tsc failed (exit $types); the unit tests did not run" >&2
[ "$unit" -eq 0 ] || echo "npm test: unit tests failed (exit $unit)" >&2
[ "$lint" -eq 0 ] || echo "npm test: eslint failed (exit $lint)" >&2
[ "$types" -eq 0 ] && [ "$unit" -eq 0 ] && [ "$lint" -eq 0 ]
