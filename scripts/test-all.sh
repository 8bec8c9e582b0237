#!/usr/bin/env bash
# `npm test`: every check, in the order CI runs them, stopping at the first that fails (its exit
# status becomes ours). Each step's output is the tool's own, untouched (no pipes, so vitest and
# Playwright print their summaries as usual); a banner with the duration follows each step and a
# summary of all steps ends the run, pass or fail.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

steps_total=6
step_number=0
summary_lines=()
run_started=$(date +%s%N)

# Milliseconds since $1 (from `date +%s%N`), as "12.3 s".
elapsed() {
  local ms=$((($(date +%s%N) - $1) / 1000000))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

print_summary() {
  local verdict=$1
  printf '\n==================== npm test: summary ====================\n'
  printf '%s\n' "${summary_lines[@]}"
  printf -- '-----------------------------------------------------------\n'
  printf '%s in %s\n' "$verdict" "$(elapsed "$run_started")"
}

# run_step_keep_going NAME COMMAND...: runs COMMAND with a banner and returns its status (for a
# step that has a partner running beside it).
run_step_keep_going() {
  local name=$1
  shift
  step_number=$((step_number + 1))
  printf '\n==================== [%d/%d] %s ====================\n' "$step_number" "$steps_total" "$name"
  printf '$ %s\n\n' "$*"
  local started status=0
  started=$(date +%s%N)
  "$@" || status=$?
  record_step "$name" "$status" "$(elapsed "$started")"
  return "$status"
}

# run_step NAME COMMAND...: as run_step_keep_going, but a failure prints the summary and exits.
run_step() {
  local status=0
  run_step_keep_going "$@" || status=$?
  if ((status != 0)); then
    local skipped=$((steps_total - step_number))
    ((skipped == 0)) || summary_lines+=("  ($skipped later step(s) not run)")
    print_summary "FAILED at step $step_number/$steps_total ($1)"
    exit "$status"
  fi
}

# record_step NAME STATUS TOOK: the banner after a step and its line in the summary.
record_step() {
  local name=$1 status=$2 took=$3
  if (($2 == 0)); then
    printf '\n---- %s: passed in %s ----\n' "$name" "$took"
    summary_lines+=("$(printf '  passed  %-18s %9s' "$name" "$took")")
  else
    printf '\n---- %s: FAILED (exit %d) in %s ----\n' "$name" "$status" "$took"
    summary_lines+=("$(printf '  FAILED  %-18s %9s   (exit %d)' "$name" "$took" "$status")")
  fi
}

# lint includes the locale parity check and the raw-text check (package.json).
run_step lint npm run lint
run_step check npm run check
run_step build npx --no vite build
run_step test:unit npm run test:unit
# The integration tests and the end-to-end tests spend most of their time waiting (on the sync
# server, on Chromium, on the network stack), not computing: on two cores the two together take
# little longer than the longer one alone, so they run side by side. The integration tests write to
# a log, printed whole when they end, so neither tool's output is interleaved with the other's.
integration_log=$(mktemp)
# The end-to-end tests test the build made above (a copy, as their global setup would make) rather
# than build again.
e2e_root=$(mktemp -d)
trap 'rm -rf "$integration_log" "$integration_log.took" "$e2e_root"' EXIT
cp -r build "$e2e_root/build"
export CYMORTH_E2E_BUILD="$e2e_root/build"
integration_took="$integration_log.took"
(
  started=$(date +%s%N)
  status=0
  npm run test:integration >"$integration_log" 2>&1 || status=$?
  elapsed "$started" >"$integration_took"
  exit "$status"
) &
integration_pid=$!
e2e_status=0
run_step_keep_going test:e2e npm run test:e2e || e2e_status=$?
integration_status=0
wait "$integration_pid" || integration_status=$?
printf '\n==================== [6/6] test:integration (ran beside test:e2e) ====================\n'
cat "$integration_log"
record_step test:integration "$integration_status" "$(cat "$integration_took")"
if ((e2e_status != 0 || integration_status != 0)); then
  print_summary 'FAILED'
  exit $((integration_status != 0 ? integration_status : e2e_status))
fi

print_summary "All steps passed"
