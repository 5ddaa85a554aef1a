#!/usr/bin/env bash
# Proves every task of a suite sound without the landed binary, the way `landed validate` does:
#   noop   = workspace + tests overlay                 -> verify must FAIL (non-zero)
#   oracle = workspace + solution overlay + tests overlay -> verify must PASS (zero)
# It also lints each task: task.toml may hold only the keys of the task format, the files that
# make a task must exist, and no solution or hidden-test file may be hidden by the workspace's
# .gitignore (landed commits the workspace with git, so an ignored file would silently vanish).
#
# Usage: tasks/check-examples.sh [-v] [-j N] [SUITE_DIR] [TASK_ID...]
#   -v         print the verify output of every run, not only of the unexpected ones
#   -j N       check N tasks at a time (default 2; each task's runs stay sequential)
#   SUITE_DIR  defaults to tasks/examples next to this script
# Exit status: 0 every task sound, 1 some task unsound, 2 bad usage.
set -u

verbose=0
jobs=2
while [ $# -gt 0 ]; do
  case $1 in
    -v) verbose=1; shift ;;
    -j) jobs=${2:-}; shift 2 || { echo "check-examples: -j needs a number" >&2; exit 2; } ;;
    -j*) jobs=${1#-j}; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
case $jobs in ''|*[!0-9]*|0) echo "check-examples: -j needs a positive number" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
suite=${1:-$here/examples}
[ $# -gt 0 ] && shift
if [ ! -f "$suite/suite.toml" ]; then
  echo "check-examples: $suite/suite.toml not found" >&2
  exit 2
fi
python=/usr/bin/python3
scratch=$(mktemp -d "${TMPDIR:-/tmp}/check-examples.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Prints "timeout_s<TAB>command" of [verify], or "ERROR: ..." when task.toml breaks the format.
read_task() {
  "$python" - "$1" <<'PY'
import sys, tomllib
allowed = {"title": None, "difficulty": None, "tags": None,
           "agent": {"timeout_s"},
           "verify": {"command", "timeout_s", "protect", "protect_defaults"},
           "check": {"command", "timeout_s"}, "repo": {"url", "rev", "history"}}
try:
    with open(sys.argv[1], "rb") as f:
        doc = tomllib.load(f)
except Exception as e:
    print(f"ERROR: {e}"); sys.exit()
problems = []
for key, value in doc.items():
    if key not in allowed:
        problems.append(f"unknown key {key}")
    elif allowed[key] is not None:
        if not isinstance(value, dict):
            problems.append(f"{key} must be a table")
            continue
        problems += [f"unknown key {key}.{k}" for k in value if k not in allowed[key]]
        problems += [f"{key}.timeout_s must be an integer" for k, v in value.items()
                     if k == "timeout_s" and not isinstance(v, int)]
if doc.get("difficulty") not in (None, "easy", "medium", "hard"):
    problems.append("difficulty must be easy, medium or hard")
command = doc.get("verify", {}).get("command")
if not command:
    problems.append("verify.command is missing")
if problems:
    print("ERROR: " + "; ".join(problems)); sys.exit()
print(f"{doc['verify'].get('timeout_s', 300)}\t{command}")
PY
}

# Lists the files of the overlays $3... (relative paths) that the .gitignore files of workspace
# $1 would ignore; $2 is a scratch folder.
ignored_files() {
  local probe="$2/probe" overlay
  rm -rf "$probe" && mkdir -p "$probe" && cp -a "$1/." "$probe/"
  git -C "$probe" init -q 2>/dev/null || return 0
  shift 2
  for overlay in "$@"; do
    (cd "$overlay" && find . -type f | sed 's|^\./||') | git -C "$probe" check-ignore --no-index --stdin
  done
  rm -rf "$probe"
}

# Runs the verify command in a fresh copy of the workspace with the given overlays applied.
# Usage: run_verify TASK_DIR TIMEOUT COMMAND LOG OVERLAY...; prints the exit status.
run_verify() {
  local task=$1 timeout_s=$2 command=$3 log=$4
  shift 4
  local box="$(dirname "$log")/box"
  rm -rf "$box" && mkdir -p "$box" && cp -a "$task/workspace/." "$box/"
  local overlay
  for overlay in "$@"; do cp -a "$task/$overlay/." "$box/"; done
  (cd "$box" && timeout -k 5 "$timeout_s" /bin/sh -c "$command") >"$log" 2>&1
  echo $?
}

now_ms() { date +%s%3N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

row() { printf '%-36s %-8s %-17s %-17s %s\n' "$@"; }

# Checks one task; writes its table row (and any output to show) to $work/report and its
# verdict (sound or UNSOUND) to $work/verdict.
check_task() {
  local task=$1 id work
  id=$(basename "$task")
  work="$scratch/$id"
  mkdir -p "$work"
  local lint=ok problems="" part hidden info
  # A task that starts from a git repository ([repo]) needs landed to fetch it.
  if [ ! -e "$task/workspace" ] && grep -q '^\[repo\]' "$task/task.toml" 2>/dev/null; then
    row "$id" skip - - "skipped: a [repo] task (landed validate checks it)" >"$work/report"
    echo sound >"$work/verdict"
    return
  fi
  for part in prompt.md workspace tests solution; do
    [ -e "$task/$part" ] || { lint=BAD; problems="$problems missing $part;"; }
  done
  if [ "$lint" = ok ]; then
    info=$(read_task "$task/task.toml")
    case $info in ERROR:*) lint=BAD; problems="$problems ${info#ERROR: };" ;; esac
  fi
  if [ "$lint" = ok ]; then
    hidden=$(ignored_files "$task/workspace" "$work" "$task/tests" "$task/solution" | tr '\n' ' ')
    [ -z "$hidden" ] || { lint=BAD; problems="$problems files ignored by the workspace .gitignore: $hidden;"; }
  fi
  if [ "$lint" != ok ]; then
    { row "$id" BAD - - UNSOUND; echo "    $problems"; } >"$work/report"
    echo UNSOUND >"$work/verdict"
    return
  fi
  local timeout_s=${info%%$'\t'*} command=${info#*$'\t'} t0 t1 t2 noop_rc oracle_rc
  t0=$(now_ms)
  noop_rc=$(run_verify "$task" "$timeout_s" "$command" "$work/noop.log" tests)
  t1=$(now_ms)
  oracle_rc=$(run_verify "$task" "$timeout_s" "$command" "$work/oracle.log" solution tests)
  t2=$(now_ms)

  local verdict=sound
  [ "$noop_rc" -ne 0 ] || verdict=UNSOUND
  [ "$oracle_rc" -eq 0 ] || verdict=UNSOUND
  {
    row "$id" "$lint" "$(printf 'rc=%s %5.1fs' "$noop_rc" "$(seconds "$t0" "$t1")")" \
      "$(printf 'rc=%s %5.1fs' "$oracle_rc" "$(seconds "$t1" "$t2")")" "$verdict"
    if [ "$verdict" != sound ] || [ "$verbose" = 1 ]; then
      local run
      for run in noop oracle; do
        echo "    --- $run output (last 25 lines) ---"
        tail -n 25 "$work/$run.log" | sed 's/^/    /'
      done
    fi
  } >"$work/report"
  echo "$verdict" >"$work/verdict"
}

tasks=()
for task in "$suite"/*/; do
  task=${task%/}
  [ -f "$task/task.toml" ] || continue
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$(basename "$task")"; then continue; fi
  tasks+=("$task")
done
[ ${#tasks[@]} -gt 0 ] || { echo "check-examples: no task found in $suite" >&2; exit 2; }

started=$(now_ms)
running=0
for task in "${tasks[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  check_task "$task" &
  running=$((running + 1))
done
wait

row TASK LINT "NOOP (must fail)" "ORACLE (must pass)" VERDICT
unsound=0
for task in "${tasks[@]}"; do
  work="$scratch/$(basename "$task")"
  cat "$work/report"
  [ "$(cat "$work/verdict" 2>/dev/null)" = sound ] || unsound=$((unsound + 1))
done
printf '%d task(s), %d unsound, %s s with -j %d\n' "${#tasks[@]}" "$unsound" \
  "$(seconds "$started" "$(now_ms)")" "$jobs"
[ "$unsound" -eq 0 ]
