#!/usr/bin/env bash
# The restore drill (quarterly): restores the table to a point in time into a NEW table, waits until it is
# active, compares item counts with the source, and deletes the new table. The live table is only read.
#
#   infra/scripts/restore-drill.sh [--time 2026-12-01T00:00:00Z] [--keep] SOURCE_TABLE
#
#   SOURCE_TABLE  the stack's table (output TableName of `sam deploy`, e.g. doithoai-prod-Table-ABC123)
#   --time T      restore to this instant (ISO 8601, within the last 35 days); default: the latest restorable
#   --keep        keep the restored table (to read it); delete it yourself afterwards
#
# Needs the AWS CLI with dynamodb:RestoreTableToPointInTime, DescribeTable, Scan, DeleteTable and the
# permissions a restore needs on the target (PutItem, UpdateItem, GetItem, Query, Scan, BatchWriteItem …).
# The scans read every item of both tables: about 1 read unit per 8 KB (eventually consistent), cents for a
# province. Counts differ by what was written after the restore point; the drill fails when the restored
# table is empty while the source is not, or when a step fails.
set -euo pipefail

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

time_arg=""
keep=false
source_table=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --time) [[ $# -ge 2 ]] || usage; time_arg="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) [[ -z "$source_table" ]] || usage; source_table="$1"; shift ;;
  esac
done
[[ -n "$source_table" ]] || usage

drill_table="${source_table:0:200}-drill-$(date -u +%Y%m%d%H%M)"
started=$(date +%s)

cleanup() {
  if [[ "$keep" == false ]]; then
    echo "deleting $drill_table"
    aws dynamodb delete-table --table-name "$drill_table" > /dev/null 2>&1 || true
    aws dynamodb wait table-not-exists --table-name "$drill_table" 2> /dev/null || true
  fi
}

point=(--use-latest-restorable-time)
if [[ -n "$time_arg" ]]; then
  point=(--restore-date-time "$time_arg")
fi

echo "restoring $source_table (${time_arg:-latest restorable time}) into $drill_table"
aws dynamodb restore-table-to-point-in-time --source-table-name "$source_table" \
  --target-table-name "$drill_table" "${point[@]}" > /dev/null
trap cleanup EXIT
aws dynamodb wait table-exists --table-name "$drill_table"
# table-exists returns when the table is described; the restore is done when it is ACTIVE
until [[ "$(aws dynamodb describe-table --table-name "$drill_table" --query Table.TableStatus --output text)" \
  == "ACTIVE" ]]; do
  sleep 20
done
restored_in=$(( $(date +%s) - started ))

count() {
  aws dynamodb scan --table-name "$1" --select COUNT --query Count --output text
}
source_count=$(count "$source_table")
drill_count=$(count "$drill_table")

echo "restore took ${restored_in}s"
echo "items: source $source_count, restored $drill_count (difference $(( source_count - drill_count )))"
if [[ "$drill_count" -eq 0 && "$source_count" -gt 0 ]]; then
  echo "DRILL FAILED: the restored table is empty" >&2
  exit 1
fi
echo "drill passed; record the time and the counts in the operations log"
