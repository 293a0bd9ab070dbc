#!/bin/sh
# Runs every benchmark from one command, one after the other (never in parallel: each one's
# baseline is measured in the same run, and two benches at once would load each other's).
#   tools/bench.sh [BUILD_DIR]          (default: build)
#   tools/bench.sh --scale [BUILD_DIR]  the 100k scale bench of issue 12: generates the scale patient
#       p100k (~100,000 resources, 20 years, 8 facilities; tools/demo/generate.py --scale) and runs
#       bench_warm_open (cache write, full rebuild, snapshot open, fresh-process open + peak memory)
#       and bench_timeline on it. Goals: warm open <= 400 ms, timeline p95 <= 8 ms.
# Then bench/bench_summary.sh: whole-process --summary runs (--open, --service, --demo --patient).
# Builds the bench targets first. bench_series_fetch needs orthanc + orthanc-dicomweb + curl and is
# reported as skipped without them. Before each bench the disk writes of the one before are flushed
# (sync: bench_ingest leaves ~30 MB of cache writes whose write-back otherwise lands in
# bench_warm_open's fresh processes: 105-111 ms there in two runs, 85 ms with the sync, 73-75 ms with
# bench_warm_open run alone). Prints the load average before each bench: figures taken with a
# load above the core count are not comparable with the README's.
set -u
scale=0
if [ "${1:-}" = --scale ]; then scale=1; shift; fi
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here" || exit 1
benches="bench_ingest bench_warm_open bench_timeline bench_decode bench_series_fetch"
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $benches kakehashi demo_data >/dev/null || { echo "bench.sh: build failed" >&2; exit 1; }
echo "tools/bench.sh: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null)"
failed=0
if [ $scale = 1 ]; then
    data="$build/scale/p100k.json"
    if [ ! -s "$data" ]; then
        mkdir -p "$build/scale" && python3 tools/demo/generate.py --scale "$data" || exit 1
    fi
    echo "scale patient: $data ($(du -m "$data" | cut -f1) MB)"
    sync; echo; echo "== bench_warm_open --scale   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    "$build/bench/bench_warm_open" --rounds 3 --goal-ms 400 "$data" 2>&1 | grep -v -e '^QStandardPaths:' -e 'propagateSizeHints' || failed=1
    sync; echo; echo "== bench_timeline --scale   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    "$build/bench/bench_timeline" "$data" 2>&1 | grep -v -e '^QStandardPaths:' -e 'propagateSizeHints' || failed=1
    exit $failed
fi
for b in $benches; do
    echo
    sync
    echo "== $b   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ "$b" = bench_series_fetch ] && ! command -v Orthanc >/dev/null 2>&1 && ! command -v orthanc >/dev/null 2>&1; then
        echo "skipped: Orthanc is not installed (tools/setup.sh installs it)"
        continue
    fi
    "$build/bench/$b" 2>&1 | grep -v -e '^QStandardPaths:' -e 'propagateSizeHints' || failed=1
done
echo
sync
echo "== bench_summary (whole process)   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
sh bench/bench_summary.sh "$build" || failed=1
exit $failed
