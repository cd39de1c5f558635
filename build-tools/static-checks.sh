#!/usr/bin/env bash
# The type-check and eslint of `npm test`, side by side: each is single-threaded, so on a 2-core
# machine they take the time of the slower one instead of both (about 20 s instead of 31 s from a
# fresh clone). Both always run to the end; the step fails if either fails, and says which.
set -u
cd "$(dirname "$0")/.."
npx tsc --noEmit -p test/tsconfig.json &
tsc_pid=$!
npx projen eslint
lint=$?
wait "$tsc_pid"
types=$?
[ "$types" -eq 0 ] || echo "static checks: tsc failed (exit $types)" >&2
[ "$lint" -eq 0 ] || echo "static checks: eslint failed (exit $lint)" >&2
[ "$types" -eq 0 ] && [ "$lint" -eq 0 ]
