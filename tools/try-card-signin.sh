#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions run from traps and wait_for
# Try HPKI card sign-in against the test sharing service, with one command.
#
#   tools/try-card-signin.sh [--check] [BUILD_DIR]      (BUILD_DIR defaults to ./build)
#
# In a fresh temp dir and on free loopback ports it starts the test sharing service (role taken from the
# certificate nginx verified), builds the SoftHSM2 test tokens and a mutual-TLS nginx in front of the service
# (tests/fixtures/hpki/make-token.sh), saves a connection profile "test-card" in an isolated
# XDG_CONFIG_HOME (your own ~/.config/Kakehashi is never read or written) and launches
# `kakehashi --service test-card`. Sign in with token hpki-doctor or hpki-pharmacist, PIN 123456.
# When Kakehashi exits (or on Ctrl-C) nginx and the service are stopped by PID and the temp dir removed.
#
# --check: no window. Sets everything up, then verifies that nginx refuses a request without a client
# certificate, that the service takes the role from the verified certificate (the doctor's certificate
# sees Observations of p001, the pharmacist's does not), and that Kakehashi loads the saved profile
# (it asks for a card sign-in); tears down and exits 0. Exit 77 = a required tool is missing (skipped).
set -euo pipefail

CHECK=0
BUILD_DIR=
for arg in "$@"; do
    case $arg in
        --check) CHECK=1 ;;
        -h|--help) sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "try-card-signin.sh: unknown option $arg" >&2; exit 2 ;;
        *) BUILD_DIR=$arg ;;
    esac
done
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=$(cd "${BUILD_DIR:-$SRC/build}" && pwd)
KAKEHASHI=$BUILD_DIR/bin/kakehashi
MODULE=${SOFTHSM2_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
SKIP=77

say() { printf '%s\n' "$*"; }
die() { printf 'try-card-signin.sh: %s\n' "$*" >&2; exit 1; }
missing() { printf 'try-card-signin.sh: %s\n' "$*" >&2; exit $SKIP; }

# --- prerequisites --------------------------------------------------------------------------------
[ -x "$KAKEHASHI" ] || die "$KAKEHASHI not found; build first: cmake --build ${BUILD_DIR} --target kakehashi"
for tool in node npm openssl softhsm2-util pkcs11-tool curl; do
    command -v "$tool" >/dev/null 2>&1 || missing "$tool is not installed (packages: nodejs, openssl, softhsm2, opensc, curl)"
done
NGINX=$(PATH=$PATH:/usr/sbin:/sbin command -v nginx 2>/dev/null) || missing "nginx is not installed (package nginx-light)"
[ -f "$MODULE" ] || missing "$MODULE not found (package softhsm2)"

DATA=$BUILD_DIR/demo-data
if [ ! -d "$DATA/patients" ]; then
    DATA=$SRC/tests/fixtures/sharing-service/sample-data
    say "No demo data in $BUILD_DIR/demo-data (cmake --build $BUILD_DIR --target demo_data); using the fixture's sample data."
fi

# --- temp dir and teardown ------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kakehashi-trycard.XXXXXX")
NODE_PID=
NGINX_PID=
stop() { # PID: SIGTERM, then SIGKILL after 5 s
    local pid=$1 _
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop "$NGINX_PID"
    stop "$NODE_PID"
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# npm ci (a no-op when current) with the user's npm cache, before HOME is swapped out.
bash "$SRC/tests/fixtures/sharing-service/install.sh"

# Nothing of the user's: settings, cache and data of this run live in the temp dir.
export XDG_CONFIG_HOME=$WORK/config XDG_CACHE_HOME=$WORK/cache XDG_DATA_HOME=$WORK/data
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
if [ "$CHECK" = 1 ]; then
    export HOME=$WORK/home
    mkdir -p "$HOME"
fi

free_port() {
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}
wait_for() { # DESCRIPTION SECONDS COMMAND...
    local what=$1 secs=$2 _
    shift 2
    for _ in $(seq $((secs * 10))); do
        "$@" && return 0
        sleep 0.1
    done
    die "$what did not come up within $secs s"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- 1. the test sharing service ------------------------------------------------------------------
NGINX_PORT=$(free_port)
cat > "$WORK/service.json" <<JSON
{
  "roleFromCertificateHeader": "X-SSL-Client-Cert",
  "certificateVerifyHeader": "X-SSL-Client-Verify",
  "userHeader": "X-SSL-Client-S-DN",
  "publicBaseUrl": "https://127.0.0.1:$NGINX_PORT"
}
JSON
node "$SRC/tests/fixtures/sharing-service/server.mjs" --data "$DATA" --port 0 --port-file "$WORK/service.port" \
    --config "$WORK/service.json" --access-log "$WORK/access.jsonl" > "$WORK/service.log" 2>&1 &
NODE_PID=$!
service_ready() {
    kill -0 "$NODE_PID" 2>/dev/null || { cat "$WORK/service.log" >&2; die "the sharing service exited"; }
    [ -s "$WORK/service.port" ]
}
wait_for "the sharing service" 120 service_ready
FHIR_PORT=$(tr -d '[:space:]' < "$WORK/service.port")

# --- 2. tokens, PKI and nginx (mutual TLS) --------------------------------------------------------
sh "$SRC/tests/fixtures/hpki/make-token.sh" "$WORK/hpki" "$NGINX_PORT" "http://127.0.0.1:$FHIR_PORT" > /dev/null
export SOFTHSM2_CONF=$WORK/hpki/softhsm2.conf
CA=$WORK/hpki/pki/testca/cert.pem
"$NGINX" -c "$WORK/hpki/nginx/nginx.conf" -p "$WORK/hpki/nginx" -e "$WORK/hpki/nginx/logs/error.log" &
NGINX_PID=$!
nginx_ready() {
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/hpki/nginx/logs/error.log" >&2; die "nginx exited"; }
    port_open "$NGINX_PORT"
}
wait_for "nginx" 15 nginx_ready

# --- 3. the connection profile, as Net::ConnectionProfile::save writes it (QSettings, INI) ---------
# The test tokens' certificates name no CRL distribution point, so the revocation check cannot
# confirm them: revocationPolicy=soft signs in with the warning banner (the default, hard, refuses).
mkdir -p "$XDG_CONFIG_HOME/Kakehashi"
cat > "$XDG_CONFIG_HOME/Kakehashi/kakehashi.conf" <<INI
[connections]
test-card\\baseUrl=https://127.0.0.1:$NGINX_PORT
test-card\\trustAnchorFiles=$CA
test-card\\cardTrustAnchorFiles=$CA
test-card\\pkcs11Module=$MODULE
test-card\\revocationPolicy=soft
INI

if [ "$CHECK" = 1 ]; then
    fail() { printf 'try-card-signin.sh --check: FAIL: %s\n' "$*" >&2; exit 1; }
    BASE=https://127.0.0.1:$NGINX_PORT
    P=$WORK/hpki/pki
    get() { # CERTNAME PATH -> HTTP status, body in $WORK/body.json
        curl -sS --cacert "$CA" --cert "$P/$1.cert.pem" --key "$P/$1.key.pem" -H 'X-Purpose-Of-Use: TREAT' \
            -o "$WORK/body.json" -w '%{http_code}' "$BASE$2"
    }
    total() { node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(b.total ?? (b.entry||[]).length)' "$WORK/body.json"; }

    # nginx refuses a request without a client certificate (no response at all, or 400 from nginx).
    status=$(curl -sS --cacert "$CA" -o /dev/null -w '%{http_code}' -H 'X-Purpose-Of-Use: TREAT' "$BASE/Patient/p001" 2>/dev/null) || status=refused
    case $status in 400|refused) say "ok: without a client certificate nginx refuses ($status)" ;;
        *) fail "a request without a client certificate got HTTP $status" ;; esac
    # A client cannot claim a role: the pharmacist's certificate with a doctor's role header is still a pharmacist.
    [ "$(get doctor /Patient/p001)" = 200 ] || fail "the doctor's certificate could not read Patient/p001"
    [ "$(get doctor '/Observation?patient=Patient/p001')" = 200 ] || fail "the doctor's certificate could not search Observations"
    doctor_obs=$(total)
    [ "$doctor_obs" -gt 0 ] || fail "the doctor sees no Observation of p001"
    status=$(curl -sS --cacert "$CA" --cert "$P/pharmacist.cert.pem" --key "$P/pharmacist.key.pem" \
        -H 'X-Purpose-Of-Use: TREAT' -H 'X-SSL-Client-Role: Medical Doctor' -o "$WORK/body.json" -w '%{http_code}' \
        "$BASE/Observation?patient=Patient/p001")
    [ "$status" = 200 ] || fail "the pharmacist's Observation search got HTTP $status"
    [ "$(total)" = 0 ] || fail "the pharmacist's certificate sees Observations"
    [ "$(get pharmacist '/MedicationRequest?patient=Patient/p001')" = 200 ] || fail "the pharmacist could not search MedicationRequests"
    say "ok: the service takes the role from the certificate (doctor: $doctor_obs Observations of p001, pharmacist: 0)"
    grep -q 'Hanako Yakuzai' "$WORK/access.jsonl" || fail "the service's access log does not name the pharmacist's certificate"

    # The tokens are on the module the profile names, under this run's SOFTHSM2_CONF.
    tokens=$(pkcs11-tool --module "$MODULE" --list-token-slots 2>/dev/null)
    for t in hpki-doctor hpki-pharmacist; do
        printf '%s\n' "$tokens" | grep -q "token label *: *$t\$" || fail "token $t is not on $MODULE"
    done
    say "ok: tokens hpki-doctor and hpki-pharmacist are on $MODULE"

    # Kakehashi loads the saved profile: an https profile without a client certificate file needs the card.
    set +e
    out=$(QT_QPA_PLATFORM=offscreen "$KAKEHASHI" --service test-card --patient p001 --screenshot "$WORK/shot.png" 2>&1)
    rc=$?
    set -e
    case $out in
        *"test-card needs a card sign-in"*) say "ok: kakehashi loads profile test-card and asks for a card sign-in (exit $rc)" ;;
        *) fail "kakehashi did not load profile test-card (exit $rc): $out" ;;
    esac
    [ "$rc" = 2 ] || fail "kakehashi exited $rc, expected 2"
    # --summary does not sign in: Kakehashi trusts nginx through the profile's trustAnchorFiles (the TLS
    # handshake completes) and nginx answers 400 "no required SSL certificate". An unread anchor would be a
    # TLS failure instead.
    set +e
    out=$(QT_QPA_PLATFORM=offscreen "$KAKEHASHI" --lang en --service test-card --patient p001 --summary 2>&1 >/dev/null)
    rc=$?
    set -e
    [ "$rc" != 0 ] || fail "kakehashi --summary read the service without a card"
    case $out in
        *"secure connection"*) fail "kakehashi does not trust nginx through the profile's trust anchor: $out" ;;
        *"rejected the request"*) say "ok: kakehashi trusts nginx via the profile's anchor; without the card nginx rejects it (exit $rc)" ;;
        *) fail "unexpected answer from kakehashi --summary without a card (exit $rc): $out" ;;
    esac
    say "PASS"
    exit 0
fi

# --- 4. interactive -------------------------------------------------------------------------------
cat <<TEXT

  Test sharing service: http://127.0.0.1:$FHIR_PORT (data: $DATA)
  behind nginx (mutual TLS): https://127.0.0.1:$NGINX_PORT
  Connection profile "test-card" in $XDG_CONFIG_HOME/Kakehashi/kakehashi.conf (temporary)

  Sign in with token hpki-doctor or hpki-pharmacist, PIN 123456.
  The doctor sees the whole record; the pharmacist only conditions, medications and the patient.
  Open a patient, e.g. p001. To pull the card out during the session, in another terminal:
    SOFTHSM2_CONF=$SOFTHSM2_CONF softhsm2-util --delete-token --token hpki-pharmacist
  Close Kakehashi (or press Ctrl-C here) to stop nginx and the service and remove $WORK.

TEXT
set +e
"$KAKEHASHI" --service test-card &
APP_PID=$!
trap 'stop "$APP_PID"; exit 130' INT
trap 'stop "$APP_PID"; exit 143' TERM
wait "$APP_PID"
rc=$?
set -e
exit "$rc"
