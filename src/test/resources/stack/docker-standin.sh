#!/bin/sh
# A stand-in for the docker CLI (there is no Docker daemon here), for the stack tests. It records
# each call's arguments (one per line, calls separated by "--") in calls.log beside itself and
# answers like docker and docker compose v2: versions, `up -d` and `down` progress lines for the
# services in the compose file, and `ps --all --quiet` container ids while the project is up.
# `up` waits for a file named release-up to appear when hold-up exists, so a test can see
# its first lines arrive before the command ends; fail-up makes `up` fail as the daemon would.
here="$(cd "$(dirname "$0")" && pwd)"
for a in "$@"; do printf '%s\n' "$a"; done >> "$here/calls.log"
echo "--" >> "$here/calls.log"

if [ "$1" = version ]; then
    echo "27.3.1-standin"
    exit 0
fi
[ "$1" = compose ] || { echo "docker stand-in: unsupported command '$1'" >&2; exit 1; }
shift
file="" project=""
while [ $# -gt 0 ]; do
    case "$1" in
        -f) file="$2"; shift 2 ;;
        --project-directory) shift 2 ;;
        --project-name|-p) project="$2"; shift 2 ;;
        *) break ;;
    esac
done
services() { sed -n 's/^  \([a-z0-9_-]*\):$/\1/p' "$file"; }
state="$here/up-$project"
case "$1" in
    version) echo "Docker Compose version v2.29.7-standin" ;;
    up)
        echo " Network ${project}_default  Creating" >&2
        if [ -f "$here/hold-up" ]; then
            while [ ! -f "$here/release-up" ]; do sleep 0.05; done
        fi
        if [ -f "$here/fail-up" ]; then
            echo "Error response from daemon: pull access denied for kitt, repository does not exist" >&2
            exit 18
        fi
        for s in $(services); do echo " Container ${project}-${s}-1  Started" >&2; done
        touch "$state"
        ;;
    down)
        for s in $(services); do echo " Container ${project}-${s}-1  Removed" >&2; done
        [ "$2" = "--volumes" ] && echo " Volume ${project}_data  Removed" >&2
        rm -f "$state"
        ;;
    ps)
        if [ -f "$state" ]; then
            for s in $(services); do echo "0f3c2a1b9d8e-$s"; done
        fi
        ;;
    *) echo "docker stand-in: unsupported compose command '$1'" >&2; exit 1 ;;
esac
