#!/bin/sh
# Start nginx for Back & Knee: pick the main file by BK_MODE, fill in its ${BK_...} names from
# the environment (nothing else: nginx's own $host and friends must stay as they are), check
# it with `nginx -t`, then become nginx. Everything is written under BK_RUN_DIR, so the root
# filesystem can stay read-only.
#
#   BK_MODE=tls             TLS here; needs BK_UPSTREAM_SERVERS (one "server host:8501 ...;"
#                           line per replica) and a certificate at BK_TLS_CERT / BK_TLS_KEY
#   BK_MODE=behind-ingress  plain HTTP on BK_LISTEN to the app in the same pod
#
# `backknee-nginx health` asks the running nginx for the app's health page instead (the image's
# HEALTHCHECK; curl, since tls mode needs a client that speaks TLS).
set -eu

SOURCE=/etc/nginx/backknee

case "${BK_MODE:-}" in
    tls) template=tls.conf.template ;;
    behind-ingress) template=behind-ingress.conf.template ;;
    *) echo "backknee-nginx: set BK_MODE to tls or behind-ingress (it is '${BK_MODE:-}')" >&2; exit 64 ;;
esac

# Defaults for what most set-ups never change. Each is exported, since envsubst reads only the
# environment.
export BK_NGINX_MODULES="${BK_NGINX_MODULES:-/usr/share/nginx/modules}"
export BK_RUN_DIR="${BK_RUN_DIR:-/tmp/nginx}"
export BK_FRAME_ANCESTORS="${BK_FRAME_ANCESTORS:-'self'}"
export BK_LISTEN="${BK_LISTEN:-8080}"
export BK_HTTP_LISTEN="${BK_HTTP_LISTEN:-8080}"
export BK_HTTPS_LISTEN="${BK_HTTPS_LISTEN:-8443}"
export BK_SERVER_NAME="${BK_SERVER_NAME:-_}"
# Empty: the browser reaches HTTPS on 443, which the host maps to 8443.
export BK_HTTPS_PORT_SUFFIX="${BK_HTTPS_PORT_SUFFIX:-}"
export BK_TLS_CERT="${BK_TLS_CERT:-/etc/nginx/tls/tls.crt}"
export BK_TLS_KEY="${BK_TLS_KEY:-/etc/nginx/tls/tls.key}"

if [ "${1:-}" = health ]; then
    # -k: the certificate names the public host, not 127.0.0.1.
    if [ "$BK_MODE" = tls ]; then
        exec curl -fsSk -o /dev/null --max-time 4 "https://127.0.0.1:${BK_HTTPS_LISTEN##*:}/_stcore/health"
    fi
    exec curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${BK_LISTEN##*:}/_stcore/health"
fi

mkdir -p "$BK_RUN_DIR"
# Unless a log folder is given, the logs go to the container's output, where
# `docker logs` and Kubernetes look for them.
if [ -z "${BK_LOG_DIR:-}" ]; then
    export BK_LOG_DIR="$BK_RUN_DIR/log"
    mkdir -p "$BK_LOG_DIR"
    ln -sf /dev/stderr "$BK_LOG_DIR/error.log"
    ln -sf /dev/stdout "$BK_LOG_DIR/access.log"
fi

# Only the names this template uses, and each must be set: an unset one would otherwise
# become an empty string and a puzzling nginx error (or, worse, a working but wrong config).
names=$(grep -o '\${BK_[A-Z_]*}' "$SOURCE/$template" | sort -u)
for name in $names; do
    variable=${name#??}
    variable=${variable%?}
    if eval "[ -z \"\${$variable+set}\" ]"; then
        echo "backknee-nginx: BK_MODE=$BK_MODE needs $variable" >&2
        exit 64
    fi
done

# The main file finds its includes beside it (nginx reads relative includes from there).
cp "$SOURCE/http.conf" "$SOURCE/locations.conf" "$SOURCE/security-headers.conf" "$BK_RUN_DIR/"
envsubst "$(echo "$names" | tr -d '\n')" < "$SOURCE/$template" > "$BK_RUN_DIR/nginx.conf"

# -e stderr: until nginx has read the config, it would log to /var/log/nginx, read-only here.
nginx -t -q -e stderr -c "$BK_RUN_DIR/nginx.conf"
exec nginx -e stderr -c "$BK_RUN_DIR/nginx.conf" -g 'daemon off;'
