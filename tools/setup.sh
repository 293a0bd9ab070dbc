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
  cmake ninja-build g++ pkg-config python3
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-webengine-dev qt6-charts-dev qt6-pdf-dev libqt6sql6-sqlite qt6-qpa-plugins libgl-dev libxml2-dev
  libdcmtk-dev dcmtk libopenjp2-7-dev libcharls-dev
  libssl-dev openssl libengine-pkcs11-openssl opensc softhsm2 p11-kit p11-kit-modules libp11-kit-dev
  fonts-ipafont-gothic
)
# What the tests start for real: nginx (mTLS), Orthanc and dcmqrscp (PACS), the FHIR engine (Node).
test_packages=(curl nginx-light orthanc orthanc-dicomweb orthanc-gdcm python3-pydicom xvfb xauth)

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
# The services are started by the tests themselves, never as system daemons.
for svc in nginx orthanc; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $sudo systemctl stop "$svc" || true
  fi
done

werror=${KAKEHASHI_WERROR:-OFF}
echo "== configuring ($build)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAKEHASHI_WERROR="$werror" >/dev/null
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
    exec ctest --test-dir "$build" --output-on-failure --timeout 900 -j "$(nproc)"
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 64
    ;;
esac
