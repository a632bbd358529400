#!/usr/bin/env bash
# Starts PostgreSQL, RabbitMQ and Redis on their standard local ports if they are down
# (the medium tests use the real services). Exits non-zero naming any that stays down.
set -uo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { for _ in $(seq 60); do up "$1" && return 0; sleep 1; done; return 1; }

status=0
if ! up 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  wait_for 5432 || { echo "PostgreSQL did not come up on 127.0.0.1:5432"; status=1; }
fi
if ! up 5672; then
  echo "starting RabbitMQ"
  rabbitmq-server -detached
  wait_for 5672 || { echo "RabbitMQ did not come up on 127.0.0.1:5672"; status=1; }
fi
if ! up 6379; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  wait_for 6379 || { echo "Redis did not come up on 127.0.0.1:6379"; status=1; }
fi
[ "$status" -eq 0 ] && echo "PostgreSQL, RabbitMQ and Redis are up"
exit "$status"
