#!/usr/bin/env bash
# Compares everything two builds of the fast engine deliver (engine_dump:
# every record with all its fields, every record error with the records it
# lost, every warning) over the same inputs, in every reading mode: live
# records, --recovered, --strict, the payload filters of a scan, and the
# new build reading each file's segments last to first. Prints one line per
# mode; exits 1 at the first difference, with the first lines that differ.
#
#   tests/bench/engine_dump_compare.sh BASE_ENGINE_DUMP NEW_ENGINE_DUMP PATH...
# Typically BASE is engine_dump built from main, NEW the one of the branch.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 BASE_ENGINE_DUMP NEW_ENGINE_DUMP PATH..." >&2
  exit 2
fi
base=$1
new=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for mode in "" "--recovered" "--strict" "--payloads security" "--payloads sysmon" "--reverse" "--recovered --reverse"; do
  base_flags=${mode//--reverse/}
  # shellcheck disable=SC2086
  "$base" $base_flags "$@" > "$work/base"
  # shellcheck disable=SC2086
  "$new" $mode "$@" > "$work/new"
  records=$(grep -c '^RECORD' "$work/base" || true)
  lost=$(awk '/^LOST/ {n += $2} END {print n + 0}' "$work/base")
  if cmp -s "$work/base" "$work/new"; then
    echo "same:    mode '${mode:-live}': $records records, $lost lost, $(wc -c < "$work/base") bytes of dump"
  else
    echo "DIFFERS: mode '${mode:-live}'"
    diff "$work/base" "$work/new" | head -20
    status=1
    break
  fi
done
exit $status
