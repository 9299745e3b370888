#!/usr/bin/env bash
# Runs every test project of Cluster.sln and prints one closing line "N passed, N failed[, N skipped]"
# totalled from the TRX results of all projects. Installs what the tests need on a fresh machine
# (Debian packages, idempotently) first. Exit status: 0 only if every project ran, nothing failed
# and at least one test passed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: PostgreSQL (throw-away journal servers), real DHCP clients, a relay,
# Kea (reference server and perfdhcp), scapy (crafted frames), tcpdump, docker-compose (validates
# docker-compose.yml without an engine), iproute2 (network namespaces), libcap2-bin (setcap: file capabilities
# for the packaging replays).
packages=(postgresql udhcpc isc-dhcp-client dhcpcd-base isc-dhcp-relay kea-dhcp4-server kea-admin
          kea-common python3-scapy tcpdump docker-compose iproute2 procps libcap2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "tests/run.sh: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The package starts a system-wide cluster; tests start their own throw-away servers instead.
  "${sudo_cmd[@]}" sh -c 'command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | while read -r v c _; do pg_ctlcluster "$v" "$c" stop || true; done' || true
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build_rc=0
dotnet build Cluster.sln -c Release -nologo -v quiet || build_rc=$?
if [ "$build_rc" -ne 0 ]; then
  echo "tests/run.sh: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

test_rc=0
dotnet test Cluster.sln -c Release --no-build -nologo -v quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || test_rc=$?

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

projects=$(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "tests/run.sh: only $files of $projects test projects produced results"
  failed=$((failed + projects - files))
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "tests/run.sh: dotnet test exited with $test_rc"
  failed=1
fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
