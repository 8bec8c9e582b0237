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

# run_step NAME COMMAND...: runs COMMAND with a banner; on failure prints the summary and exits.
run_step() {
  local name=$1
  shift
  step_number=$((step_number + 1))
  printf '\n==================== [%d/%d] %s ====================\n' "$step_number" "$steps_total" "$name"
  printf '$ %s\n\n' "$*"
  local started status=0
  started=$(date +%s%N)
  "$@" || status=$?
  local took
  took=$(elapsed "$started")
  if ((status == 0)); then
    printf '\n---- [%d/%d] %s: passed in %s ----\n' "$step_number" "$steps_total" "$name" "$took"
    summary_lines+=("$(printf '  passed  %-18s %9s' "$name" "$took")")
  else
    printf '\n---- [%d/%d] %s: FAILED (exit %d) in %s ----\n' "$step_number" "$steps_total" "$name" "$status" "$took"
    summary_lines+=("$(printf '  FAILED  %-18s %9s   (exit %d)' "$name" "$took" "$status")")
    local skipped=$((steps_total - step_number))
    ((skipped == 0)) || summary_lines+=("  ($skipped later step(s) not run)")
    print_summary "FAILED at step $step_number/$steps_total ($name)"
    exit "$status"
  fi
}

# lint includes the locale parity check and the raw-text check (package.json).
run_step lint npm run lint
run_step check npm run check
run_step build npx --no vite build
run_step test:unit npm run test:unit
run_step test:integration npm run test:integration
run_step test:e2e npm run test:e2e

print_summary "All $steps_total steps passed"
