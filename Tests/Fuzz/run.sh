#!/usr/bin/env bash
# Runs the libFuzzer targets (Sources/Fuzz*) for a bounded time each.
#
#   Tests/Fuzz/run.sh SECONDS [FuzzDSL FuzzCSV FuzzImport]
#
# Builds them with `-sanitize=fuzzer,address -DFUZZING` into .build-fuzz (a separate build
# folder), seeds each corpus from the test fixtures and the bundled surveys, and runs each target
# for SECONDS. Any crash, hang (over 10 s on one input), memory blow-up (over 2 GB) or
# AddressSanitizer report fails the run. Leak detection is off: Swift keeps enum tags in the
# spare bits of pointers, so LeakSanitizer takes live objects held by a global for leaks (a
# survey compiled once before fuzzing was reported as 194 bytes "leaked"); ARC frees the rest;
# the input that caused it is kept in .build-fuzz/artifacts/TARGET/ and should be copied to
# Tests/Fuzz/Regressions/TARGET/, where a test replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:?usage: Tests/Fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzDSL FuzzCSV FuzzImport); fi

for target in "${targets[@]}"; do
  swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    --product "$target" >/dev/null
done

seed() {
  local target="$1" corpus=".build-fuzz/corpus/$1"
  mkdir -p "$corpus"
  case "$target" in
    FuzzDSL)
      find Surveys Tests/SurveyDSLTests/Fixtures -name '*.survey' -size -64k -exec cp {} "$corpus/" \; ;;
    FuzzCSV)
      find Tests/SurveyIngestTests/Fixtures -name '*.csv' -size -64k -exec cp {} "$corpus/" \; ;;
    FuzzImport)
      # The first byte picks the platform adapter (0-6) or detection.
      local index=0
      for file in Tests/SurveyIngestTests/Fixtures/platforms/*.csv; do
        { printf "\\x$(printf %02x $((index % 8)))"; cat "$file"; } >"$corpus/$(basename "$file")"
        index=$((index + 1))
      done ;;
  esac
  if [ -d "Tests/Fuzz/Regressions/$target" ]; then cp Tests/Fuzz/Regressions/"$target"/* "$corpus/" 2>/dev/null || true; fi
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p ".build-fuzz/artifacts/$target"
  echo "== $target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 ".build-fuzz/debug/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target/" ".build-fuzz/corpus/$target" \
    >".build-fuzz/$target.log" 2>&1; then
    echo "$target FAILED: see .build-fuzz/$target.log and .build-fuzz/artifacts/$target/"
    tail -30 ".build-fuzz/$target.log"
    status=1
  else
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" ".build-fuzz/$target.log" || true
  fi
done
exit $status
