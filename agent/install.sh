#!/bin/sh
# KITT agent installer, served by a KITT server at /api/v1/agent/install.sh.
# Usage: curl -fsSL {{SERVER_URL}}/api/v1/agent/install.sh | KITT_ENROLL_TOKEN=kitt_enroll_... sh
# Over https with KITT's own CA, copy the full command the server shows when it creates the
# enrollment token: it checks the CA against its fingerprint first and passes
# KITT_CA_FINGERPRINT=AB:CD:... here, which this script checks again and the agent pins.
# Creates KITT_HOME, downloads the server's own jar, checks its sha256, then enrolls this host.
set -eu

SERVER_URL="${KITT_SERVER_URL:-{{SERVER_URL}}}"
KITT_HOME="${KITT_HOME:-$HOME/.kitt}"
NAME="${KITT_AGENT_NAME:-$(hostname)}"
CA_PIN="${KITT_CA_FINGERPRINT:-}"
CA_FILE=""

if [ -z "${KITT_ENROLL_TOKEN:-}" ]; then
    echo "kitt install: set KITT_ENROLL_TOKEN (create one with POST /api/v1/enrollment-tokens)" >&2
    exit 1
fi
command -v java >/dev/null 2>&1 || { echo "kitt install: java 17+ is required" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "kitt install: curl is required" >&2; exit 1; }

mkdir -p "$KITT_HOME"
chmod 700 "$KITT_HOME"

# KITT's CA is fetched unverified and then trusted only if its SHA-256 is the pinned one.
if [ -n "$CA_PIN" ]; then
    command -v openssl >/dev/null 2>&1 || { echo "kitt install: openssl is required to check the server's CA" >&2; exit 1; }
    CA_FILE="$KITT_HOME/server-ca.pem"
    curl -fsSLk "$SERVER_URL/api/v1/agent/ca.pem" -o "$CA_FILE"
    got=$(openssl x509 -in "$CA_FILE" -noout -fingerprint -sha256 | sed 's/.*=//' | tr 'a-f' 'A-F')
    want=$(echo "$CA_PIN" | sed 's/^[Ss][Hh][Aa]-*256://' | tr 'a-f' 'A-F')
    if [ "$got" != "$want" ]; then
        rm -f "$CA_FILE"
        echo "kitt install: the server's CA has fingerprint $got, not $want; refusing to install" >&2
        exit 1
    fi
fi
fetch() {
    if [ -n "$CA_FILE" ]; then curl -fsSL --cacert "$CA_FILE" "$@"; else curl -fsSL "$@"; fi
}

fetch "$SERVER_URL/api/v1/agent/package" -o "$KITT_HOME/kitt.jar.download"
expected=$(fetch "$SERVER_URL/api/v1/agent/package/sha256" | sed -n 's/.*"sha256" *: *"\([0-9a-f]*\)".*/\1/p')
actual=$(sha256sum "$KITT_HOME/kitt.jar.download" | cut -d' ' -f1)
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    rm -f "$KITT_HOME/kitt.jar.download"
    echo "kitt install: checksum mismatch (expected '$expected', got '$actual')" >&2
    exit 1
fi
mv "$KITT_HOME/kitt.jar.download" "$KITT_HOME/kitt.jar"

if [ -n "$CA_PIN" ]; then set -- --ca-fingerprint "$CA_PIN"; else set --; fi
java -jar "$KITT_HOME/kitt.jar" agent init --home "$KITT_HOME" --server "$SERVER_URL" \
    --enroll-token "$KITT_ENROLL_TOKEN" --name "$NAME" "$@"
java -jar "$KITT_HOME/kitt.jar" agent preflight --server "$SERVER_URL" --model-dir "$KITT_HOME/models" "$@" || \
    echo "kitt install: preflight found problems (see above); fix them before starting the agent" >&2
echo "kitt install: done. Start with: java -jar $KITT_HOME/kitt.jar agent start --home $KITT_HOME"
echo "              or as a service:  java -jar $KITT_HOME/kitt.jar agent service install --home $KITT_HOME"
