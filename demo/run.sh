#!/usr/bin/env bash
# The DhcpCluster demo: builds dhcp-node and pbm (Release), starts one node on the shipped configuration
# (config/dhcp-node.conf: the embedded defaults, SQLite journal) in a network namespace, as a non-root user
# holding only CAP_NET_RAW and CAP_NET_BIND_SERVICE, lets three real DHCP clients (udhcpc, dhclient, dhcpcd)
# obtain leases over a bridge, and prints the leases and statistics through pbm. Everything it creates
# (namespaces, processes, temp files) is removed on exit, also on Ctrl-C or failure.
#
#   bash demo/run.sh          (as root, on Debian with the .NET 10 SDK; installs the DHCP clients it needs)
#
# Only 192.0.2.0/24 (documentation range) is used, inside namespaces of its own; the host's interfaces
# are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(id -u)" -eq 0 ] || { echo "demo/run.sh: run it as root (network namespaces): sudo bash demo/run.sh" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "demo/run.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }

# Debian packages: the three clients, ip, setpriv (util-linux) and capsh (libcap2-bin).
packages=(udhcpc isc-dhcp-client dhcpcd-base iproute2 util-linux libcap2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

prefix=dcdemo-$$-
node_uid=10067
dhcpcd_if=dcdemo-dhcpcd0
work=$(mktemp -d /tmp/dcdemo.XXXXXX)
node_pid=
dhclient_ns=

exec 3>&1 4>&2 # the terminal, for cleanup's messages even when a signal lands inside a redirected command
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  exec 1>&3 2>&4
  if [ -n "$dhclient_ns" ] && [ -f "$work/dhclient.pid" ]; then
    ip netns exec "$dhclient_ns" dhclient -4 -x -pf "$work/dhclient.pid" >/dev/null 2>&1
  fi
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    kill -TERM "$node_pid"
    for _ in $(seq 1 60); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$node_pid" 2>/dev/null
    wait "$node_pid" 2>/dev/null
  fi
  for ns in $(ip netns list | awk '{print $1}' | grep "^$prefix"); do
    for pid in $(ip netns pids "$ns"); do kill -KILL "$pid" 2>/dev/null; done
    ip netns del "$ns"
  done
  rm -f "/var/lib/dhcpcd/$dhcpcd_if.lease" "/var/lib/dhcpcd/$dhcpcd_if.lease6"
  rm -rf "$work"
  echo
  if [ "$rc" -eq 0 ]; then echo "== demo finished; namespaces, processes and temp files removed"
  else echo "== demo failed (exit $rc); namespaces, processes and temp files removed" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Namespaces left by a demo that was killed with SIGKILL (its pid is gone).
for ns in $(ip netns list | awk '{print $1}' | grep '^dcdemo-' || true); do
  pid=${ns#dcdemo-}; pid=${pid%%-*}
  if ! kill -0 "$pid" 2>/dev/null; then
    for p in $(ip netns pids "$ns"); do kill -KILL "$p" 2>/dev/null || true; done
    ip netns del "$ns" || true
  fi
done

step "building dhcp-node and pbm (Release)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/DhcpCluster.Node -c Release -o "$work/node" -nologo -v quiet
dotnet publish src/DhcpCluster.Cli -c Release -o "$work/pbm" -nologo -v quiet
chmod 755 "$work"
pbm() { ip netns exec "${prefix}node" "$work/pbm/pbm" 127.0.0.1:9110 "$@"; }

step "lab: node 192.0.2.1/24 on eth0, three clients on one bridge (namespaces ${prefix}*)"
ip netns add "${prefix}br"
ip -n "${prefix}br" link add br0 type bridge
ip -n "${prefix}br" link set br0 up
attach() { # namespace, its interface, bridge port
  ip netns add "$1"
  ip -n "$1" link set lo up
  ip link add "$2" netns "$1" type veth peer name "$3" netns "${prefix}br"
  ip -n "${prefix}br" link set "$3" master br0 up
  ip -n "$1" link set "$2" up
}
attach "${prefix}node" eth0 p-node
ip -n "${prefix}node" addr add 192.0.2.1/24 dev eth0
attach "${prefix}udhcpc" udhcpc0 p-udhcpc
attach "${prefix}dhclient" dhclient0 p-dhclient
attach "${prefix}dhcpcd" "$dhcpcd_if" p-dhcpcd

step "dhcp-node --config config/dhcp-node.conf, as uid $node_uid with CAP_NET_RAW and CAP_NET_BIND_SERVICE only"
mkdir -m 0750 "$work/data"
chown "$node_uid:$node_uid" "$work/data"
DHCP_LEASE_DB="$work/data/leases.db" DOTNET_GCgen0size=0x100000 ip netns exec "${prefix}node" \
  setpriv --reuid="$node_uid" --regid="$node_uid" --clear-groups --no-new-privs \
    --inh-caps=-all,+net_raw,+net_bind_service --ambient-caps=-all,+net_raw,+net_bind_service \
    --bounding-set=-all,+net_raw,+net_bind_service \
  "$work/node/dhcp-node" --config "$PWD/config/dhcp-node.conf" >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 120); do
  grep -q "DHCP4_OPEN_SOCKET listening on eth0" "$work/node.log" && break
  kill -0 "$node_pid" 2>/dev/null || { cat "$work/node.log" >&2; echo "dhcp-node exited" >&2; exit 1; }
  sleep 0.5
done
grep -q "DHCP4_OPEN_SOCKET listening on eth0" "$work/node.log" || { cat "$work/node.log" >&2; echo "dhcp-node did not open eth0" >&2; exit 1; }
caps=$(awk '/^CapEff/ {print $2}' "/proc/$node_pid/status")
echo "dhcp-node pid $node_pid, uid $(awk '/^Uid/ {print $2}' "/proc/$node_pid/status"), CapEff $caps = $(capsh --decode="$caps" | cut -d= -f2)"
grep -E "DHCP4_STARTED|DHCP4_OPEN_SOCKET" "$work/node.log" | sed 's/^/  /'
for _ in $(seq 1 60); do pbm dhcp status >/dev/null 2>&1 && break; sleep 0.5; done
pbm dhcp status >/dev/null || { cat "$work/node.log" >&2; echo "the command endpoint does not answer" >&2; exit 1; }

step "real clients"
out=$(ip netns exec "${prefix}udhcpc" udhcpc -i udhcpc0 -f -q -n -t 5 -T 2 -s /bin/true 2>&1) || true
grep -o "lease of .*" <<<"$out" | sed 's/^/udhcpc:   /' || { echo "$out" >&2; echo "udhcpc got no lease" >&2; exit 1; }

cat >"$work/dhclient-hook.sh" <<'EOF'
#!/bin/sh
case "$reason" in BOUND|RENEW|REBIND|REBOOT) ip addr replace "$new_ip_address/${new_subnet_mask:-255.255.255.0}" dev "$interface" ;; esac
exit 0
EOF
chmod 755 "$work/dhclient-hook.sh"
dhclient_ns="${prefix}dhclient"
out=$(timeout 60 ip netns exec "$dhclient_ns" dhclient -4 -1 -v -cf /dev/null -sf "$work/dhclient-hook.sh" \
  -lf "$work/dhclient.leases" -pf "$work/dhclient.pid" dhclient0 2>&1) || true
grep -o "bound to .*" <<<"$out" | sed 's/^/dhclient: /' || { echo "$out" >&2; echo "dhclient got no lease" >&2; exit 1; }

rm -f "/var/lib/dhcpcd/$dhcpcd_if.lease"
out=$(timeout 60 ip netns exec "${prefix}dhcpcd" dhcpcd -f /dev/null -4 -1 -B -d -L -A --noconfigure -c /bin/true \
  -t 20 "$dhcpcd_if" 2>&1) || true
grep -o "leased .*" <<<"$out" | head -n 1 | sed 's/^/dhcpcd:   /' | grep . || { echo "$out" >&2; echo "dhcpcd got no lease" >&2; exit 1; }

step "pbm 127.0.0.1:9110 dhcp leases"
pbm dhcp leases
step "pbm 127.0.0.1:9110 dhcp stats"
pbm dhcp stats
