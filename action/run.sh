#!/usr/bin/env bash
# The GitHub composite action's one step (action.yml). Inputs arrive as INPUT_* environment
# variables and are only ever expanded as quoted words, never evaluated as code.
#
# Exit status: kmslint's, except that fail-on: none turns a failed gate (1) into 0. Exit 2 (bad
# usage, invalid config, unreadable input, no input found) always fails the step.
set -uo pipefail

# Workflow-command data escaping (%, CR, LF), so an input cannot start a command of its own.
escape_data() {
  local s=${1//%/%25}
  s=${s//$'\r'/%0D}
  printf '%s' "${s//$'\n'/%0A}"
}

fail_usage() {
  echo "::error title=kmslint action::$(escape_data "$1")"
  exit 2
}

fail_on=${INPUT_FAIL_ON:-error}
case $fail_on in
  error | warning | none) ;;
  *) fail_usage "fail-on must be error, warning or none, not '$fail_on'" ;;
esac

# Which kmslint: the action's own checkout, or a release from the npm registry.
version=${INPUT_VERSION:-action}
# A version, range or dist-tag ("0.1.0", "^0.1", ">=0.1 <0.3", "latest"); no leading "-".
NPM_VERSION_PATTERN='^[0-9A-Za-z^~<>=*][0-9A-Za-z.+~^*<>=| -]*$'
if [[ $version == action ]]; then
  root=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}
  if [[ ! -f $root/dist/src/cli/run.js ]]; then
    # A checkout of the action has sources only; dist/ is build output and not committed.
    echo "::group::Build kmslint from the action's checkout"
    (cd "$root" && npm ci --no-audit --no-fund --ignore-scripts && npm run build) >&2 ||
      fail_usage "could not build kmslint in $root"
    echo "::endgroup::"
  fi
  kmslint=(node "$root/bin/kmslint.js")
elif [[ $version =~ $NPM_VERSION_PATTERN ]]; then
  # No "/" or ":" allowed above: no paths, URLs or git specs through this input.
  kmslint=(npm exec --yes "--package=kmslint@$version" -- kmslint)
else
  fail_usage "version must be \"action\" or an npm version, range or dist-tag, not '$version'"
fi

paths=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%$'\r'}
  # Trim surrounding blanks; a line is one path and may hold inner spaces.
  line=${line#"${line%%[![:space:]]*}"}
  line=${line%"${line##*[![:space:]]}"}
  [[ -n $line ]] && paths+=("$line")
done <<< "${INPUT_PATHS:-.}"
[[ ${#paths[@]} -eq 0 ]] && paths=(.)

# lint, or with diff-base the change since that commit (a ref: no leading "-", no spaces or quotes).
command=(lint)
if [[ -n ${INPUT_DIFF_BASE:-} ]]; then
  [[ $INPUT_DIFF_BASE =~ ^[A-Za-z0-9._/~^@{}][A-Za-z0-9._/~^@{}-]*$ ]] ||
    fail_usage "diff-base must be a git ref or commit, not '$INPUT_DIFF_BASE'"
  command=(diff --base "$INPUT_DIFF_BASE")
fi

options=()
[[ -n ${INPUT_CONFIG:-} ]] && options+=(--config "$INPUT_CONFIG")
[[ $fail_on == warning ]] && options+=(--max-warnings 0)

# On two cores or fewer, Node's default of four V8 helper threads (garbage collection, the
# optimising compiler) keeps the main thread from its core; one runs large inputs faster (figures in
# docs/cache.md, "Two cores"). Node reads it only at start, so it is set here; a pool size the
# workflow sets is kept.
if [[ $(nproc 2> /dev/null || echo 4) -le 2 && ${NODE_OPTIONS:-} != *--v8-pool-size* ]]; then
  export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--v8-pool-size=1"
fi

cd "${GITHUB_WORKSPACE:-.}" || fail_usage "cannot enter the workspace ${GITHUB_WORKSPACE:-}"

# The command and `--` keep a path such as "keys" or "--rule" a path.
"${kmslint[@]}" "${command[@]}" ${options[@]+"${options[@]}"} --format "${INPUT_FORMAT:-stylish}" -- "${paths[@]}"
status=$?

if [[ -n ${INPUT_SARIF_FILE:-} ]]; then
  # A second run for the file; its messages repeat the logged run's, so they are shown only
  # when this run ends differently (a write failure, say).
  sarif_log=$(mktemp)
  "${kmslint[@]}" "${command[@]}" ${options[@]+"${options[@]}"} --format sarif --output-file "$INPUT_SARIF_FILE" -- "${paths[@]}" > "$sarif_log" 2>&1
  sarif_status=$?
  if [[ $sarif_status -ne $status ]]; then
    cat "$sarif_log" >&2
    [[ $sarif_status -ge 2 ]] && status=2
  fi
  rm -f "$sarif_log"
fi

[[ -n ${GITHUB_OUTPUT:-} ]] && echo "exit-code=$status" >> "$GITHUB_OUTPUT"

if [[ $status -eq 1 && $fail_on == none ]]; then
  echo "::notice title=kmslint::findings reported above; fail-on: none keeps the step green"
  exit 0
fi
exit "$status"
