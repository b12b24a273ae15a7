#!/bin/sh
# Entry point of the KITT image: `server ARGS...`, `agent [ARGS...]`, or `kitt SUBCOMMAND...`.
# With no arguments to `agent`, it enrolls once (KITT_SERVER_URL + KITT_ENROLL_TOKEN) when
# KITT_HOME has no agent.yaml yet, then runs the daemon. KITT_CA_CERT, when set, is the only CA
# the agent's JVM trusts (the stack's own CA, so the server's self-signed chain is verified).
set -eu

jar="${KITT_JAR:-/opt/kitt/kitt.jar}"
home="${KITT_HOME:-/var/lib/kitt}"

# The main class of target/kitt.jar (the pom's main.class); DockerfileStructureTest checks it exists.
main_class=dev.kitt.Main

kitt() {
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
    java ${JAVA_OPTS:-} -cp "$jar" "$main_class" "$@"
}

# The last step replaces this shell, so the JVM is PID 1 and gets docker's SIGTERM directly.
exec_kitt() {
    # shellcheck disable=SC2086
    exec java ${JAVA_OPTS:-} -cp "$jar" "$main_class" "$@"
}

trust_ca() {
    store="$home/kitt-truststore.p12"
    rm -f "$store"
    keytool -importcert -noprompt -alias kitt-ca -file "$KITT_CA_CERT" -keystore "$store" \
        -storetype PKCS12 -storepass kitt-trust >/dev/null
    JAVA_OPTS="${JAVA_OPTS:-} -Djavax.net.ssl.trustStore=$store -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=kitt-trust"
}

role="${1:-server}"
[ $# -gt 0 ] && shift

case "$role" in
    server)
        exec_kitt server "$@"
        ;;
    agent)
        [ -n "${KITT_CA_CERT:-}" ] && trust_ca
        if [ $# -gt 0 ]; then
            exec_kitt agent "$@"
        fi
        if [ ! -f "$home/agent.yaml" ]; then
            if [ -z "${KITT_SERVER_URL:-}" ] || [ -z "${KITT_ENROLL_TOKEN:-}" ]; then
                echo "kitt-entrypoint: $home/agent.yaml is missing: set KITT_SERVER_URL and KITT_ENROLL_TOKEN (an enrollment token from the server) to enroll" >&2
                exit 1
            fi
            set -- --server "$KITT_SERVER_URL" --enroll-token "$KITT_ENROLL_TOKEN"
            [ -n "${KITT_AGENT_NAME:-}" ] && set -- "$@" --name "$KITT_AGENT_NAME"
            [ -n "${KITT_MODEL_DIR:-}" ] && set -- "$@" --model-dir "$KITT_MODEL_DIR"
            kitt agent init --home "$home" "$@"
        fi
        exec_kitt agent start --home "$home"
        ;;
    kitt)
        exec_kitt "$@"
        ;;
    *)
        echo "kitt-entrypoint: unknown role '$role': use server, agent or kitt SUBCOMMAND" >&2
        exit 2
        ;;
esac
