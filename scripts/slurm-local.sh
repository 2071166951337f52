#!/usr/bin/env bash
# A single-node Slurm on this machine, for tests and demos of `plenary sweep --backend slurm`.
#
#   scripts/slurm-local.sh start    install slurm-wlm and munge if missing (Debian, as root), then start
#                                   munged, slurmctld and slurmd, all bound to the loopback interface
#   scripts/slurm-local.sh stop     stop exactly the daemons that start started (by their pid files)
#   scripts/slurm-local.sh status   say whether they run and show the node
#
# Everything lives under $PLENARY_SLURM_DIR (default /var/lib/plenary-slurm): configuration, munge key
# and socket, state, spool, logs and pid files. /etc/slurm/slurm.conf becomes a link to its slurm.conf
# (so sbatch, squeue and scancel find it) only when no slurm.conf is there yet; stop removes that link.
# The daemons listen on 127.0.0.1 only; munged talks over its own Unix socket, not the system one.
# Exit codes: 0 ok, 1 a daemon failed to start (its log is printed), 2 cannot run here (not root, no apt).
set -euo pipefail

state="${PLENARY_SLURM_DIR:-/var/lib/plenary-slurm}"
conf="$state/slurm.conf"
etc_conf=/etc/slurm/slurm.conf
marker="# written by plenary scripts/slurm-local.sh"

die() { echo "slurm-local: $1" >&2; exit "${2:-2}"; }

running() { # daemon name -> 0 when the process in its pid file is alive and is that daemon (not a reused pid)
  local pid
  pid="$(cat "$state/$1.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$1" ] \
    && [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" != Z ] # a killed daemon not yet reaped
}

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null \
      && command -v sbatch >/dev/null; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "installing slurm-wlm and munge needs root (apt-get)"
  command -v apt-get >/dev/null || die "apt-get is not available: install slurm-wlm and munge by hand"
  echo "slurm-local: installing slurm-wlm and munge (apt-get)" >&2
  # RUNLEVEL=1: the packages' init scripts do not start their services; this script starts its own daemons.
  export DEBIAN_FRONTEND=noninteractive RUNLEVEL=1
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >&2 || die "apt-get install slurm-wlm munge failed"
}

write_config() {
  local host cpus memory
  host="$(hostname -s)"
  cpus="$(nproc)"
  memory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) * 3 / 4 ))
  mkdir -p "$state"/{munge,ctld,spool,log}
  chmod 700 "$state/munge"
  if [ ! -s "$state/munge/munge.key" ]; then
    head -c 1024 /dev/urandom > "$state/munge/munge.key"
  fi
  chmod 600 "$state/munge/munge.key"
  cat > "$conf" <<CONF
$marker: a single node on the loopback interface
ClusterName=plenary-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge/munge.socket
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  if [ ! -e "$etc_conf" ] && [ ! -L "$etc_conf" ]; then
    mkdir -p "$(dirname "$etc_conf")"
    ln -s "$conf" "$etc_conf"
  elif [ "$(readlink -f "$etc_conf")" != "$(readlink -f "$conf")" ]; then
    echo "slurm-local: $etc_conf belongs to another Slurm; use SLURM_CONF=$conf with the Slurm commands" >&2
  fi
}

wait_for() { # description, seconds, command...
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  echo "slurm-local: $what did not come up within ${seconds}s" >&2
  return 1
}

show_log() {
  echo "--- $1 (last lines)" >&2
  tail -n 20 "$1" >&2 2>/dev/null || true
}

start() {
  [ "$(id -u)" = 0 ] || die "starting slurmd needs root"
  install_packages
  write_config
  export SLURM_CONF="$conf"
  if ! running munged; then
    munged --socket="$state/munge/munge.socket" --key-file="$state/munge/munge.key" \
      --pid-file="$state/munged.pid" --log-file="$state/log/munged.log" --seed-file="$state/munge/munged.seed" \
      --force
    wait_for munged 10 running munged || { show_log "$state/log/munged.log"; exit 1; }
  fi
  if ! running slurmctld; then
    slurmctld -c -f "$conf" # -c: no jobs carried over from an earlier start, whose processes are gone
    wait_for slurmctld 30 scontrol ping || { show_log "$state/log/slurmctld.log"; exit 1; }
  fi
  if ! running slurmd; then
    slurmd -f "$conf"
  fi
  local node
  node="$(hostname -s)"
  node_up() { sinfo -h -n "$node" -o %t | grep -Eq '^(idle|mix|alloc)'; }
  if ! wait_for "node $node" 30 node_up; then
    scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true
    wait_for "node $node" 10 node_up || { show_log "$state/log/slurmd.log"; show_log "$state/log/slurmctld.log"; exit 1; }
  fi
  echo "slurm-local: running (configuration $conf)"
}

stop() {
  local daemon pid
  if running slurmctld && running slurmd; then
    # Cancel the jobs first: their processes belong to slurmstepd, which outlives slurmd.
    SLURM_CONF="$conf" squeue -h -o %A 2>/dev/null | sort -u | xargs -r env SLURM_CONF="$conf" scancel 2>/dev/null || true
    for _ in $(seq 50); do
      [ -z "$(SLURM_CONF="$conf" squeue -h -o %A 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  for daemon in slurmd slurmctld munged; do
    if running "$daemon"; then
      pid="$(cat "$state/$daemon.pid")"
      kill "$pid"
      for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "slurm-local: stopped $daemon ($pid)"
    fi
    rm -f "$state/$daemon.pid"
  done
  if [ -L "$etc_conf" ] && [ "$(readlink -f "$etc_conf")" = "$(readlink -f "$conf")" ]; then
    rm -f "$etc_conf"
  fi
}

status() {
  local daemon all=0
  for daemon in munged slurmctld slurmd; do
    if running "$daemon"; then
      echo "$daemon: running (pid $(cat "$state/$daemon.pid"))"
    else
      echo "$daemon: stopped"
      all=3
    fi
  done
  if [ "$all" = 0 ]; then
    SLURM_CONF="$conf" sinfo
  fi
  return "$all"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
