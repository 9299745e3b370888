#!/bin/bash
# Captures the DHCPv4 messages that real clients (udhcpc, dhclient, dhcpcd) send, answered by Kea in a
# network namespace, and writes their UDP payloads as hex files into ./data for the golden tests.
# Run as root: tests/DhcpCluster.Dhcp.Tests/Golden/capture.sh   (takes about a minute)
# Addresses: 192.0.2.0/24 only. Namespaces: dcgold<pid>-*, removed by the trap on any exit.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/data"
P="dcgold$$"
SRV="$P-srv"
WORK="$(mktemp -d /tmp/dcgold.XXXXXX)"
PIDS=()
CLIENT_NS=()
# dhcpcd keeps its DUID in /var/lib/dhcpcd/duid on the host: remove it afterwards unless it was there before.
DUID_EXISTED=0; [ -e /var/lib/dhcpcd/duid ] && DUID_EXISTED=1

cleanup() {
    set +e
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    sleep 0.5
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    for ns in "${CLIENT_NS[@]}"; do ip netns del "$ns" 2>/dev/null; done
    ip netns del "$SRV" 2>/dev/null
    rm -f /var/lib/dhcpcd/dg"$$"*.lease /var/lib/dhcpcd/dg"$$"*.lease4 2>/dev/null
    [ "$DUID_EXISTED" = 1 ] || rm -f /var/lib/dhcpcd/duid
    if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS"; cp "$WORK"/*.log "$WORK"/*.out "$WORK"/*.pcap "$KEEP_LOGS"/ 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log() { echo "capture: $*" >&2; }

# Server namespace: a bridge with 192.0.2.1/24 that every client veth joins; Kea and tcpdump listen on it.
ip netns add "$SRV"
ip -n "$SRV" link set lo up
ip -n "$SRV" link add br0 type bridge
ip -n "$SRV" addr add 192.0.2.1/24 dev br0
ip -n "$SRV" link set br0 up

# One namespace per client, each with its own veth (unique interface names: dhcpcd keeps lease files per name).
add_client() { # NAME MAC
    local ns="$P-$1" ifc="dg$$$1"
    ip netns add "$ns"; CLIENT_NS+=("$ns")
    ip link add "$ifc" type veth peer name "s$ifc"
    ip link set "$ifc" netns "$ns"
    ip link set "s$ifc" netns "$SRV"
    ip -n "$SRV" link set "s$ifc" master br0
    ip -n "$SRV" link set "s$ifc" up
    ip -n "$ns" link set "$ifc" address "$2"
    ip -n "$ns" link set lo up
    ip -n "$ns" link set "$ifc" up
}
add_client u 02:00:00:00:0a:01   # udhcpc
add_client h 02:00:00:00:0a:02   # dhclient
add_client c 02:00:00:00:0a:03   # dhcpcd (DUID client id, release)
add_client d 02:00:00:00:0a:04   # dhcpcd meeting an address conflict (DECLINE)
add_client i 02:00:00:00:0a:05   # dhcpcd --inform (INFORM)
add_client r 02:00:00:00:0a:06   # the relay's upstream side (dhcrelay -a adds option 82)

# Relayed client: udhcpc in $P-rc <-> 198.51.100.0/24 <-> relay $P-r (dhcrelay) <-> 192.0.2.0/24 bridge.
ip netns add "$P-rc"; CLIENT_NS+=("$P-rc")
ip link add "dg$$rc" type veth peer name "dg$$rd"
ip link set "dg$$rc" netns "$P-rc"
ip link set "dg$$rd" netns "$P-r"
ip -n "$P-rc" link set "dg$$rc" address 02:00:00:00:0a:07
ip -n "$P-rc" link set lo up
ip -n "$P-rc" link set "dg$$rc" up
ip -n "$P-r" addr add 198.51.100.1/24 dev "dg$$rd"
ip -n "$P-r" link set "dg$$rd" up
ip -n "$P-r" addr add 192.0.2.2/24 dev "dg$$r"
ip netns exec "$P-r" sysctl -qw net.ipv4.ip_forward=1
ip -n "$SRV" route add 198.51.100.0/24 via 192.0.2.2

# The address reserved for client d is already in use by the server namespace, so dhcpcd's ARP probe
# (RFC 5227) finds the conflict and the client declines it.
ip -n "$SRV" addr add 192.0.2.150/24 dev br0

cat > "$WORK/kea.json" <<JSON
{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "br0" ], "dhcp-socket-type": "raw" },
    "lease-database": { "type": "memfile", "persist": true, "name": "$WORK/leases4.csv", "lfc-interval": 0 },
    "valid-lifetime": 600, "renew-timer": 300, "rebind-timer": 525,
    "decline-probation-period": 5,
    "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.1" },
                     { "name": "domain-name", "data": "example.test" },
                     { "name": "routers", "data": "192.0.2.1" } ],
    "subnet4": [ { "id": 2, "subnet": "198.51.100.0/24", "pools": [ { "pool": "198.51.100.100 - 198.51.100.140" } ],
                   "option-data": [ { "name": "routers", "data": "198.51.100.1" } ] },
                 { "id": 1, "subnet": "192.0.2.0/24",
                   "pools": [ { "pool": "192.0.2.100 - 192.0.2.140" } ],
                   "reservations": [ { "hw-address": "02:00:00:00:0a:04", "ip-address": "192.0.2.150" } ] } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "WARN", "output_options": [ { "output": "$WORK/kea.log" } ] } ]
} }
JSON
export KEA_PIDFILE_DIR="$WORK" KEA_LOCKFILE_DIR=none
ip netns exec "$SRV" kea-dhcp4 -t "$WORK/kea.json" >/dev/null
ip netns exec "$SRV" kea-dhcp4 -c "$WORK/kea.json" >"$WORK/kea.out" 2>&1 & PIDS+=($!)
ip netns exec "$SRV" tcpdump -i br0 -n -U -w "$WORK/capture.pcap" udp port 67 or udp port 68 >/dev/null 2>&1 & PIDS+=($!)
sleep 2

log "udhcpc: DISCOVER, REQUEST, RELEASE (-R)"
# udhcpc sends RELEASE by unicast from the leased address, so its script must configure the address.
cat > "$WORK/udhcpc-script" <<'SCRIPT'
#!/bin/sh
[ "$1" = bound ] && ip addr add "$ip/${mask:-24}" dev "$interface" 2>/dev/null
exit 0
SCRIPT
chmod +x "$WORK/udhcpc-script"
ip netns exec "$P-u" timeout 30 udhcpc -i dg$$u -f -n -t 4 -T 1 -s "$WORK/udhcpc-script" -p "$WORK/udhcpc.pid" \
    -x hostname:golden-udhcpc -V golden-vendor -F golden-udhcpc.example.test -x lease:900 >"$WORK/udhcpc.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 40); do grep -q "lease of" "$WORK/udhcpc.log" && break; sleep 0.5; done
sleep 0.5
kill -USR2 "$(cat "$WORK/udhcpc.pid")"   # USR2: release the lease
sleep 1
kill "$(cat "$WORK/udhcpc.pid")" 2>/dev/null || true

log "dhclient: DISCOVER, REQUEST, RELEASE (-r)"
cat > "$WORK/dhclient.conf" <<CONF
send host-name "golden-dhclient";
send vendor-class-identifier "golden-dhclient-vendor";
send dhcp-client-identifier 1:02:00:00:00:0a:02;
request subnet-mask, broadcast-address, time-offset, routers, domain-name, domain-name-servers, host-name, interface-mtu, ntp-servers;
CONF
cat > "$WORK/dhclient-hook" <<'HOOK'
#!/bin/sh
case "$reason" in BOUND|RENEW|REBIND|REBOOT) ip addr add "$new_ip_address/$new_subnet_mask" dev "$interface" 2>/dev/null ;; esac
exit 0
HOOK
chmod +x "$WORK/dhclient-hook"
ip netns exec "$P-h" timeout 30 dhclient -4 -1 -v -cf "$WORK/dhclient.conf" -sf "$WORK/dhclient-hook" \
    -lf "$WORK/dhclient.leases" -pf "$WORK/dhclient.pid" dg$$h >"$WORK/dhclient.log" 2>&1 || log "dhclient exit $?"
ip netns exec "$P-h" timeout 20 dhclient -4 -r -v -cf "$WORK/dhclient.conf" -sf "$WORK/dhclient-hook" \
    -lf "$WORK/dhclient.leases" -pf "$WORK/dhclient.pid" dg$$h >>"$WORK/dhclient.log" 2>&1 || log "dhclient -r exit $?"

log "dhcpcd: DISCOVER, REQUEST with an RFC 4361 client id, then RELEASE (-k)"
ip netns exec "$P-c" timeout 40 dhcpcd -f /dev/null -4 -B -d -D -L -c /bin/true -h golden-dhcpcd \
    -i golden-dhcpcd-vendor -t 20 dg$$c >"$WORK/dhcpcd.log" 2>&1 & DHCPCD=$!; PIDS+=($DHCPCD)
for _ in $(seq 1 40); do grep -q "leased" "$WORK/dhcpcd.log" && break; sleep 0.5; done
sleep 1
ip netns exec "$P-c" timeout 10 dhcpcd -4 -k dg$$c >>"$WORK/dhcpcd-k.log" 2>&1 || log "dhcpcd -k exit $?"
sleep 1
kill "$DHCPCD" 2>/dev/null || true

log "dhcpcd: ARP conflict on the offered address, DECLINE"
ip netns exec "$P-d" timeout 15 dhcpcd -f /dev/null -4 -B -d -1 -D -c /bin/true -h golden-decline -t 12 dg$$d \
    >"$WORK/dhcpcd-decline.log" 2>&1 || log "dhcpcd (decline) exit $?"

log "dhcpcd: INFORM"
ip netns exec "$P-i" timeout 15 dhcpcd -f /dev/null -4 -B -d -1 -D -c /bin/true -h golden-inform -t 8 \
    -s 192.0.2.60/24 dg$$i >"$WORK/dhcpcd-inform.log" 2>&1 || log "dhcpcd (inform) exit $?"

log "udhcpc behind dhcrelay -a: relayed DISCOVER, REQUEST with giaddr and option 82"
ip netns exec "$P-r" dhcrelay -4 -d -a -pf "$WORK/dhcrelay.pid" -id "dg$$rd" -iu "dg$$r" 192.0.2.1 >"$WORK/dhcrelay.log" 2>&1 & PIDS+=($!)
sleep 1
ip netns exec "$P-rc" timeout 20 udhcpc -i dg$$rc -f -q -n -t 4 -T 1 -s /bin/true -x hostname:golden-relayed \
    >"$WORK/udhcpc-relayed.log" 2>&1 || log "udhcpc (relayed) exit $?"

sleep 1
kill "${PIDS[1]}" 2>/dev/null || true   # tcpdump: flush the capture
sleep 1

# Extract the UDP payloads: one hex file per (sender, message type), first occurrence only.
rm -f "$OUT"/*.hex
/usr/bin/python3 - "$WORK/capture.pcap" "$OUT" "$$" <<'PY'
import sys
from scapy.all import rdpcap, UDP, Ether
pcap, out, pid = sys.argv[1], sys.argv[2], sys.argv[3]
senders = {"02:00:00:00:0a:01": "udhcpc", "02:00:00:00:0a:02": "dhclient", "02:00:00:00:0a:03": "dhcpcd",
           "02:00:00:00:0a:04": "dhcpcd-decline", "02:00:00:00:0a:05": "dhcpcd-inform",
           "02:00:00:00:0a:07": "udhcpc-relayed"}
names = {1: "discover", 2: "offer", 3: "request", 4: "decline", 5: "ack", 6: "nak", 7: "release", 8: "inform"}
seen = set()
for frame in rdpcap(pcap):
    if UDP not in frame:
        continue
    payload = bytes(frame[UDP].payload)
    if len(payload) < 240:
        continue
    chaddr = ":".join(f"{b:02x}" for b in payload[28:34])
    client = senders.get(chaddr)
    if client is None:
        continue
    # find option 53 (no overload in these captures; the test checks that)
    i, mtype = 240, None
    while i < len(payload) and payload[i] != 255:
        if payload[i] == 0:
            i += 1; continue
        if payload[i] == 53:
            mtype = payload[i + 2]
        i += 2 + payload[i + 1]
    sender = client if payload[0] == 1 else "kea-to-" + client
    key = (sender, mtype)
    if mtype is None or key in seen:
        continue
    seen.add(key)
    with open(f"{out}/{sender}-{names.get(mtype, str(mtype))}.hex", "w") as f:
        f.write(payload.hex() + "\n")
    print(f"{sender}-{names.get(mtype, str(mtype))}: {len(payload)} bytes")
PY
log "done; logs were in $WORK"
grep -h -E "lease|bound|leased|declin|inform|release" "$WORK"/*.log | head -30 >&2 || true
