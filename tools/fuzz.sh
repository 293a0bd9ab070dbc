#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ with their seed corpora.
#   tools/fuzz.sh [--build DIR] [--time SECONDS] [target ...]
# Build them first (a clang build directory of its own):
#   cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DKAKEHASHI_FUZZ=ON
#   ninja -C build-asan fuzz_targets
# Default: every target for 20 s (what the ctest label "fuzz" does); a long run is e.g.
#   tools/fuzz.sh --time 3600
# New inputs that reach new code are kept in DIR/fuzz/corpus/<target> (reused by the next run); a
# crash, leak, sanitizer report or timeout leaves its input in DIR/fuzz/artifacts/<target>/ and makes
# the script fail. Add such an input to fuzz/corpus/<target>/ together with the fix. Each run appends
# one line per target to DIR/fuzz/runs.tsv (date, target, seconds, executions, result).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build-asan
seconds=20
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --time) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(fuzz_fhir_record fuzz_narrative fuzz_multipart fuzz_dicomtext fuzz_dicom_header fuzz_dicom_frame fuzz_dicom_presentation fuzz_dicom_metadata
     fuzz_hpki_certificate fuzz_connection_profile fuzz_crl fuzz_bundle_spans)
if [ ${#targets[@]} -eq 0 ]; then targets=("${all[@]}"); fi

pydicom=${KAKEHASHI_PYDICOM_DATA:-/usr/lib/python3/dist-packages/pydicom/data}

# Seed folders of a target (read only; missing ones are skipped).
seeds() {
  local c=$root/fuzz/corpus
  case "$1" in
    fuzz_fhir_record) echo "$c/fuzz_fhir_record $root/tests/data/fhir $root/tests/data/bad $root/tests/data/documents $root/tests/fixtures/sharing-service/sample-data/patients" ;;
    fuzz_dicom_header|fuzz_dicom_frame|fuzz_dicom_presentation) echo "$c/fuzz_dicom $build/fuzz/seeds/pydicom" ;;
    fuzz_cda) echo "$c/fuzz_cda $root/tests/data/documents" ;;
    fuzz_hpki_certificate) echo "$c/fuzz_hpki_certificate $root/tests/data/hpki" ;;
    fuzz_bundle_spans) echo "$c/fuzz_bundle_spans $root/tests/data/bundlespans/valid $root/tests/data/bundlespans/refused $root/tests/data/bundlespans/link-refused $root/tests/data/fhir $root/tests/fixtures/sharing-service/sample-data/patients" ;;
    *) echo "$c/$1" ;;
  esac
}
# DCMTK allocates an element's declared length (up to 4 GB) with new(nothrow) before reading it and
# fails cleanly when that returns null. Under ASan such an allocation of hundreds of MB was mapped and
# its shadow poisoned, input after input: most of the DICOM targets' time (~100 executions a second).
# A single allocation above 256 MiB now returns null at once (ASan's max_allocation_size_mb with
# allocator_may_return_null), the same null a system that refuses it gives; the frame target refuses
# frames above 4 MiB before decoding (fuzz_dicom_frame.cpp), so no decoder asks for more legitimately.
extra_options() {
  echo "-malloc_limit_mb=3072"
}
asan_extra() {
  case "$1" in
    fuzz_dicom_header|fuzz_dicom_frame|fuzz_dicom_presentation|fuzz_dicom_metadata) echo ":max_allocation_size_mb=256" ;;
    *) echo "" ;;
  esac
}
# Seconds one input may take. The DICOM decoders poisoned ASan shadow for declared lengths of up to
# 4 GB; on a loaded 2-core machine that alone took 20 s of wall time (1.5 s of CPU) for one input.
timeout_for() {
  case "$1" in
    fuzz_dicom_header|fuzz_dicom_frame|fuzz_dicom_presentation) echo 60 ;;
    *) echo 10 ;;
  esac
}
max_len() {
  case "$1" in
    fuzz_dicom_header|fuzz_dicom_frame|fuzz_dicom_presentation) echo 65536 ;;
    fuzz_fhir_record) echo 131072 ;;
    *) echo 16384 ;;
  esac
}

# Small DICOM files of pydicom's test data (python3-pydicom), when installed: many transfer
# syntaxes and character sets the committed seeds do not have.
if [ -d "$pydicom" ] && [ ! -d "$build/fuzz/seeds/pydicom" ]; then
  mkdir -p "$build/fuzz/seeds/pydicom"
  find "$pydicom" -name '*.dcm' -size -64k -exec cp -t "$build/fuzz/seeds/pydicom" {} + 2>/dev/null || true
fi

# The same sanitizer settings as the tests (cmake/KakehashiSanitizers.cmake), plus: an allocation
# the system refuses returns null, as it does outside the sanitizer.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_container_overflow=0}:allocator_may_return_null=1
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/cmake/lsan.supp:print_suppressions=0}

status=0
for t in "${targets[@]}"; do
  exe=$build/fuzz/$t
  if [ ! -x "$exe" ]; then
    echo "fuzz.sh: $exe is not built (ninja -C $build fuzz_targets)" >&2
    status=1
    continue
  fi
  work=$build/fuzz/corpus/$t
  artifacts=$build/fuzz/artifacts/$t/
  mkdir -p "$work" "$artifacts"
  dirs=()
  for d in $(seeds "$t"); do [ -d "$d" ] && dirs+=("$d"); done
  log=$build/fuzz/$t.log
  echo "== $t: ${seconds}s (log: $log)"
  set +e
  ASAN_OPTIONS="$ASAN_OPTIONS$(asan_extra "$t")" "$exe" -max_total_time="$seconds" -timeout="$(timeout_for "$t")" -rss_limit_mb=3072 -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$(extra_options "$t")" "$work" "${dirs[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $rc -eq 0 ]; then result=ok; else result="FAILED($rc)"; status=1; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "${execs:-0}" "$result" >>"$build/fuzz/runs.tsv"
  echo "   $result, ${execs:-0} executions"
  if [ $rc -ne 0 ]; then
    grep -E "ERROR|SUMMARY|Test unit written|runtime error|qFatal|FATAL" "$log" | head -20 >&2 || true
  fi
done
exit $status
