#!/usr/bin/env bash
# Makes this machine ready for the suite: PostgreSQL and Redis answer (started when they do
# not), and Debian's Chromium with CJK fonts is there for the browser tests (installed when
# missing, as root). `npm test` and `.ci/run` both run it, so a fresh machine needs nothing else.
set -euo pipefail

say() { printf '[test-machine] %s\n' "$*"; }

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    say "PostgreSQL does not answer on 127.0.0.1:5432: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q ||
    { say "PostgreSQL does not answer on 127.0.0.1:5432: start it (pg_ctlcluster 15 main start)"; exit 1; }
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    say "Redis does not answer on 127.0.0.1:6379: starting it"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 ||
    { say "Redis does not answer on 127.0.0.1:6379: start it (redis-server --daemonize yes)"; exit 1; }
fi

# The browser tests drive Debian's Chromium; without CJK fonts every Chinese glyph is a box.
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$browser" ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium and fonts-noto-cjk for the browser tests (apt-get, once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  elif [ -n "${CI:-}" ]; then
    say "Chromium is missing and cannot be installed here: apt-get install -y chromium fonts-noto-cjk"
    exit 1
  else
    say "browser tests skipped: install Chromium first (sudo apt-get install -y chromium fonts-noto-cjk)"
  fi
fi
