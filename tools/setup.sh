#!/usr/bin/env bash
# One command for each way in, on a fresh Debian 12 machine:
#   tools/setup.sh demo   install what is needed, build, and launch the viewer on the demo data
#   tools/setup.sh test   install what is needed, build, and run the whole test suite (ctest)
set -euo pipefail

mode=${1:-demo}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KAKEHASHI_BUILD_DIR:-$root/build}
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi

# Runtime and build dependencies (Debian 12 package names).
packages=(
  cmake ninja-build g++ pkg-config python3 ccache
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-webengine-dev qt6-charts-dev qt6-pdf-dev libqt6sql6-sqlite libsqlite3-dev qt6-qpa-plugins libgl-dev libxml2-dev
  libdcmtk-dev dcmtk libopenjp2-7-dev libcharls-dev
  libssl-dev openssl libengine-pkcs11-openssl opensc softhsm2 p11-kit p11-kit-modules libp11-kit-dev
  fonts-ipafont-gothic
)
# What the tests start for real: nginx (mTLS), Orthanc and dcmqrscp (PACS), the FHIR engine (Node).
test_packages=(curl nginx-light orthanc orthanc-dicomweb orthanc-gdcm python3-pydicom xvfb xauth)
# The second test build: clang with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer.
test_packages+=(clang-14 libfuzzer-14-dev libclang-rt-14-dev)

want=("${packages[@]}")
if [ "$mode" = test ]; then want+=("${test_packages[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The tests start their own nginx, Orthanc and dcmqrscp on free loopback ports, by PID: the
# machine's own services (if any) are left running and untouched.

# The test sharing service (@medplum/fhir-router) needs Node.js ^20.19 or >= 22.12; Debian 12 ships 18.
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)?0:1)' 2>/dev/null
}
if [ "$mode" = test ] && ! node_ok; then
  have=$(command -v node >/dev/null 2>&1 && node -v || echo "none")
  cat >&2 <<MSG
setup.sh: the integration tests need Node.js 20.19 or newer (20.x from 20.19, or 22.12+) with npm;
this machine has: $have. Debian 12's own nodejs package is 18 and is too old. Install Node.js 20 LTS,
for example from NodeSource:
    curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash -
    sudo apt-get install -y nodejs
or from https://nodejs.org/en/download (a tarball on PATH is enough), then run this again.
MSG
  exit 69
fi

# Rebuilds reuse earlier compilations when ccache is there (it is in the package list above).
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

werror=${KAKEHASHI_WERROR:-OFF}
echo "== configuring ($build)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAKEHASHI_WERROR="$werror" "${launcher[@]}" >/dev/null
echo "== building"
cmake --build "$build" -j "$(nproc)"

case "$mode" in
  demo)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      out="$build/kakehashi-demo.png"
      echo "== no display: rendering the demo offscreen to $out"
      exec "$build/bin/kakehashi" --demo --patient p001 --screenshot "$out"
    fi
    exec "$build/bin/kakehashi" --demo
    ;;
  test)
    if [ -x "$root/tests/fixtures/sharing-service/install.sh" ]; then
      bash "$root/tests/fixtures/sharing-service/install.sh"
    fi
    echo "== testing"
    status=0
    ctest --test-dir "$build" --output-on-failure --timeout 900 -j "$(nproc)" || status=1
    # Then the sanitizer build (build-asan): the tests that need no viewer widgets, under ASan +
    # UBSan, and each fuzz target for 20 s. KAKEHASHI_SANITIZE_RUN=0 skips it.
    if [ "${KAKEHASHI_SANITIZE_RUN:-1}" != 0 ]; then
      asan=${KAKEHASHI_ASAN_BUILD_DIR:-$root/build-asan}
      echo "== configuring the sanitizer build ($asan)"
      cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
        -DKAKEHASHI_FUZZ=ON -DKAKEHASHI_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
      echo "== building the sanitizer tests and fuzz targets"
      start=$(date +%s)
      cmake --build "$asan" -j "$(nproc)" --target sanitize_tests fuzz_targets
      echo "   built in $(( $(date +%s) - start )) s"
      echo "== testing under ASan + UBSan (labels sanitize, fuzz)"
      ctest --test-dir "$asan" -L 'sanitize|fuzz' --output-on-failure --timeout 900 -j "$(nproc)" || status=1
    fi
    exit $status
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 64
    ;;
esac
