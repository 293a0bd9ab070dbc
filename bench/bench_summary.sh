#!/bin/sh
# Whole-process figures of issue 12: the program as a user starts it, a fresh process each round,
# wall-clock time from exec to exit, median of N rounds (default 5), every round with an empty
# home (no cache, no settings: "cold").
#
#  1. `kakehashi --open p900.json --summary`
#     baseline: `python3 -c 'import json; json.load(open(F))'` on the same file, same rounds
#     goal: <= 0.35x the baseline
#  2. `kakehashi --service URL --patient p900 --summary` against the local test sharing service
#     (tests/fixtures/sharing-service/server.mjs, strict, on a loopback port, holding p900 only;
#     started before the rounds and stopped by PID after them): searches, paging, parse, map, the
#     reference rounds, assembly and the summary, as the app does. No record cache: --summary has no
#     card sign-in, and the cache key comes from the card (the cache writes are timed by bench_ingest)
#     baseline: (1), the same record opened from its file
#     goal: <= 1.5x the baseline
#     also printed: the test service's own time for those pages (fetched one after another, requests
#     only): the part of (2) the app cannot shorten
#  3. `kakehashi --demo --patient p001 --summary` vs `--demo --summary` (every demo patient), to see
#     whether --patient loads only that patient (goal: clearly less than all of them)
# Each run's output is checked (the patient is there with the same number of items from the file
# and from the service), so a run that failed early is not timed as a fast one.
#
# Usage: bench/bench_summary.sh [BUILD_DIR] [ROUNDS]   (BUILD_DIR default: build)
# Needs: the kakehashi and demo_data targets built; node >= 20.19 for (2) (skipped without it).
# shellcheck disable=SC2046,SC2034  # word splitting of "patients items" is wanted; loop counters unused
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
rounds=${2:-5}
bin=$build/bin/kakehashi
data=$build/demo-data/patients/p900.json
[ -x "$bin" ] || { echo "bench_summary: $bin is not built" >&2; exit 1; }
[ -s "$data" ] || { echo "bench_summary: $data is missing (build the demo_data target)" >&2; exit 1; }

work=$(mktemp -d) || exit 1
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null
        i=0
        while kill -0 "$server_pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -KILL "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Runs "$@" in a fresh empty home; prints its wall time in ms; its stdout goes to $work/out.json.
run_app() {
    home=$work/home-$$-$(now_ms)
    mkdir -p "$home"
    t0=$(now_ms)
    HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
        QT_QPA_PLATFORM=offscreen "$bin" "$@" >"$work/out.json" 2>"$work/err.txt"
    rc=$?
    t1=$(now_ms)
    rm -rf "$home"
    if [ $rc -ne 0 ]; then
        echo "bench_summary: kakehashi $* exited with $rc:" >&2
        head -5 "$work/err.txt" >&2
        return 1
    fi
    echo $((t1 - t0))
}

# "<patients> <items of p900 or of the first patient>" from the last summary.
summary_counts() {
    python3 - "$work/out.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
p = s.get("patients", [])
items = next((x.get("items", 0) for x in p if x.get("id") == "p900"), p[0].get("items", 0) if p else 0)
print(len(p), items)
EOF
}

echo "bench_summary: $(basename "$data") ($(du -k "$data" | cut -f1) kB), $rounds rounds, fresh process and empty home each"

# 1. --open vs python json.load, interleaved.
: >"$work/open.t"; : >"$work/py.t"
for r in $(seq "$rounds"); do
    t=$(run_app --open "$data" --summary) || exit 1
    echo "$t" >>"$work/open.t"
    t0=$(now_ms); python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$data" || exit 1; t1=$(now_ms)
    echo $((t1 - t0)) >>"$work/py.t"
done
set -- $(summary_counts)
open_patients=$1; open_items=$2
[ "$open_items" -gt 0 ] || { echo "bench_summary: --open gave no items" >&2; exit 1; }
open_ms=$(median <"$work/open.t"); py_ms=$(median <"$work/py.t")
echo
echo "1. --open p900.json --summary: median ${open_ms} ms ($open_patients patient, $open_items items)"
echo "   python3 json.load of the same file: median ${py_ms} ms"
awk -v a="$open_ms" -v b="$py_ms" 'BEGIN { printf "   ratio %.2fx (goal <= 0.35x: %s)\n", a / b, (a / b <= 0.35) ? "met" : "NOT met" }'

# 2. --service (cold) vs --open.
echo
fixture=$here/tests/fixtures/sharing-service
if ! command -v node >/dev/null 2>&1 || ! (cd "$fixture" && bash ./install.sh >"$work/install.txt" 2>&1); then
    echo "2. --service: skipped, the test sharing service could not be installed:"
    sed 's/^/   /' "$work/install.txt" 2>/dev/null | tail -3
else
    mkdir -p "$work/service/patients"
    ln -s "$data" "$work/service/patients/p900.json"
    node "$fixture/server.mjs" --data "$work/service" --port 0 --port-file "$work/port" --max-lifetime 900 \
        >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    i=0
    while [ ! -s "$work/port" ] && [ $i -lt 600 ]; do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    [ -s "$work/port" ] || { echo "bench_summary: the test service did not start:" >&2; cat "$work/server.err" >&2; exit 1; }
    url=http://127.0.0.1:$(cat "$work/port")/
    : >"$work/service.t"; : >"$work/open2.t"
    for r in $(seq "$rounds"); do
        t=$(run_app --service "$url" --patient p900 --summary) || exit 1
        echo "$t" >>"$work/service.t"
        set -- $(summary_counts)
        [ "$2" = "$open_items" ] || { echo "bench_summary: --service gave $2 items, --open $open_items" >&2; exit 1; }
        t=$(run_app --open "$data" --summary) || exit 1
        echo "$t" >>"$work/open2.t"
    done
    service_ms=$(median <"$work/service.t"); open2_ms=$(median <"$work/open2.t")
    # The service's own share: the same $everything pages fetched one after another as the app asks
    # for them (the app's _count, the purpose header), timing only the requests (not the parse that
    # finds each next link). The app cannot finish before the last page has arrived.
    : >"$work/fetch.t"
    for r in $(seq "$rounds"); do
        python3 - "$url" >>"$work/fetch.t" <<'EOF'
import json, sys, time, urllib.request
url = sys.argv[1] + "Patient/p900/$everything?_count=500"
spent = 0.0
while url:
    req = urllib.request.Request(url, headers={"Accept": "application/fhir+json", "X-Purpose-Of-Use": "TREAT"})
    t0 = time.perf_counter()
    data = urllib.request.urlopen(req).read()
    spent += time.perf_counter() - t0
    url = next((l["url"] for l in json.loads(data).get("link", []) if l.get("relation") == "next"), None)
print(int(spent * 1000))
EOF
    done
    fetch_ms=$(median <"$work/fetch.t")
    echo "2. --service URL --patient p900 --summary (cold): median ${service_ms} ms ($open_items items, as from the file)"
    echo "   --open of the same record from its file: median ${open2_ms} ms"
    echo "   the test service's own time for the same pages, fetched one after another: median ${fetch_ms} ms"
    awk -v a="$service_ms" -v b="$open2_ms" 'BEGIN { printf "   ratio %.2fx (goal <= 1.5x: %s)\n", a / b, (a / b <= 1.5) ? "met" : "NOT met" }'
fi

# 3. --demo --patient: only that patient?
echo
: >"$work/one.t"; : >"$work/all.t"
for r in $(seq "$rounds"); do
    t=$(run_app --demo --patient p001 --summary) || exit 1
    echo "$t" >>"$work/one.t"
    set -- $(summary_counts)
    if [ "$1" != 1 ] || [ "$2" -le 0 ]; then echo "bench_summary: --demo --patient p001 gave $1 patients, $2 items" >&2; exit 1; fi
    t=$(run_app --demo --summary) || exit 1
    echo "$t" >>"$work/all.t"
done
set -- $(summary_counts)
all_patients=$1
one_ms=$(median <"$work/one.t"); all_ms=$(median <"$work/all.t")
echo "3. --demo --patient p001 --summary: median ${one_ms} ms"
echo "   --demo --summary ($all_patients patients): median ${all_ms} ms"
awk -v a="$one_ms" -v b="$all_ms" 'BEGIN { printf "   ratio %.2fx\n", a / b }'
