using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// Crafted DHCP exchanges with scapy (<c>/usr/bin/python3</c>) in a client namespace: the same frame twice within a
/// millisecond, retransmissions, DECLINE, INFORM, and a sniffer for relayed replies. Each mode prints KEY=VALUE lines.
/// </summary>
internal static partial class ScapyClient
{
    private const string Script = """
        import sys, time
        from scapy.all import conf, Ether, IP, UDP, BOOTP, DHCP, AsyncSniffer, mac2str, get_if_hwaddr, raw
        conf.checkIPaddr = False
        conf.verb = 0
        iface, mode = sys.argv[1], sys.argv[2]
        args = sys.argv[3:]
        mac = get_if_hwaddr(iface)

        def opt(p, name):
            for o in p[DHCP].options:
                if isinstance(o, tuple) and o[0] == name:
                    return o[1]
            return None

        def frame(msgtype, xid, chmac=None, opts=(), ciaddr="0.0.0.0", src="0.0.0.0", secs=0):
            m = chmac or mac
            return raw(Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=src, dst="255.255.255.255") / UDP(sport=68, dport=67)
                       / BOOTP(chaddr=mac2str(m), xid=xid, ciaddr=ciaddr, flags=0x8000, secs=secs)
                       / DHCP(options=[("message-type", msgtype)] + list(opts) + ["end"]))

        captured = []
        sniffer = None
        sock = None
        if mode != "flood":
            sniffer = AsyncSniffer(iface=iface, filter="udp and (port 68 or port 67)", store=False, prn=captured.append)
            sniffer.start()
            time.sleep(0.5)
            sock = conf.L2socket(iface=iface)
        marks = {}

        def replies(xid, since=0.0, until=1e18):
            out = []
            for p in list(captured):
                if BOOTP in p and p[BOOTP].op == 2 and p[BOOTP].xid == xid and since <= float(p.time) <= until:
                    out.append(p)
            return out

        def typed(ps, t):
            return [p for p in ps if opt(p, "message-type") == t]

        if mode == "seed":
            xid = 0x5EED0001
            d = frame("discover", xid)
            marks["t0"] = time.time()
            sock.send(d); sock.send(d)
            time.sleep(1.5)
            marks["t1"] = time.time()
            offers1 = typed(replies(xid, marks["t0"], marks["t1"]), 2)
            sock.send(frame("discover", xid, secs=0))
            time.sleep(1.5)
            marks["t2"] = time.time()
            offers2 = typed(replies(xid, marks["t1"], marks["t2"]), 2)
            print("OFFERS_AFTER_DOUBLE=%d" % len(offers1))
            print("OFFERS_AFTER_RETRANSMISSION=%d" % len(offers2))
            print("ADDRESSES=%s" % ",".join(p[BOOTP].yiaddr for p in offers1 + offers2))
            if offers1:
                o = offers1[0]
                sock.send(frame("request", xid, opts=[("requested_addr", o[BOOTP].yiaddr), ("server_id", opt(o, "server_id"))]))
                time.sleep(1.5)
                acks = typed(replies(xid, marks["t2"], time.time()), 5)
                print("ACKS=%d" % len(acks))
                print("SERVER_IDS=%s" % ",".join(sorted(set(str(opt(p, "server_id")) for p in offers1 + acks))))
        elif mode == "decline":
            xid = 0xDEC10001
            sock.send(frame("discover", xid))
            time.sleep(1.0)
            offers = typed(replies(xid), 2)
            o = offers[0]
            addr, sid = o[BOOTP].yiaddr, opt(o, "server_id")
            sock.send(frame("request", xid, opts=[("requested_addr", addr), ("server_id", sid)]))
            time.sleep(1.0)
            print("ACKS=%d" % len(typed(replies(xid), 5)))
            sock.send(frame("decline", xid, opts=[("requested_addr", addr), ("server_id", sid)]))
            time.sleep(1.0)
            other = "02:00:00:00:de:01"
            sock.send(frame("discover", 0xDEC10002, chmac=other))
            time.sleep(1.5)
            print("DECLINED=%s" % addr)
            print("OTHER_OFFERS=%s" % ",".join(p[BOOTP].yiaddr for p in typed(replies(0xDEC10002), 2)))
        elif mode == "inform":
            xid = 0x1AF00001
            ciaddr = args[0]
            sock.send(raw(Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=ciaddr, dst="255.255.255.255") / UDP(sport=68, dport=67)
                          / BOOTP(chaddr=mac2str(mac), xid=xid, ciaddr=ciaddr) / DHCP(options=[("message-type", "inform"), "end"])))
            time.sleep(1.5)
            acks = typed(replies(xid), 5)
            print("INFORM_ACKS=%d" % len(acks))
            for p in acks:
                print("INFORM_YIADDR=%s LEASE_TIME=%s ROUTER=%s" % (p[BOOTP].yiaddr, opt(p, "lease_time"), opt(p, "router")))
        elif mode == "flood":
            # COUNT malformed frames at about RATE per second: random payloads and truncated DISCOVERs (from a
            # MAC no real client uses), built once by scapy and written in paced batches on a packet socket.
            import os, random, socket
            count, rate = int(args[0]), int(args[1])
            header = Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67)
            valid = frame("discover", 0x6A4B0001, chmac="02:00:00:00:f1:00")[len(raw(header)):]
            rnd = random.Random(6)
            templates = []
            for i in range(1024):
                payload = os.urandom(rnd.randint(0, 400)) if i % 2 == 0 else valid[:rnd.randint(0, len(valid) - 1)]
                templates.append(raw(header / payload))
            out = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            out.bind((iface, 0))
            batch = max(1, rate // 100)
            started = time.time()
            sent = 0
            while sent < count:
                for _ in range(min(batch, count - sent)):
                    out.send(templates[sent % len(templates)])
                    sent += 1
                delay = started + sent / rate - time.time()
                if delay > 0:
                    time.sleep(delay)
            print("SENT=%d" % sent)
            print("SECONDS=%.1f" % (time.time() - started))
        elif mode == "sniff-relay":
            time.sleep(float(args[0]))
            for p in list(captured):
                if BOOTP in p and p[BOOTP].op == 2:
                    print("RELAYED_REPLY type=%s opt82=%d" % (opt(p, "message-type"), 1 if opt(p, "relay_agent_information") is not None else 0))
        if sniffer is not None:
            sniffer.stop()
        print("DONE")
        """;

    public static string WriteScript(NetworkLab lab)
    {
        var path = Path.Combine(lab.Directory, "dhcp_scapy.py");
        File.WriteAllText(path, Script);
        return path;
    }

    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(LabNamespace ns, string interfaceName, string mode, params string[] arguments)
    {
        var script = WriteScript(ns.Lab);
        var result = await ns.ExecAsync("/usr/bin/python3", [script, interfaceName, mode, .. arguments], TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var output = result.StandardOutput + result.StandardError;
        if (!output.Contains("DONE", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scapy {mode} failed ({result.ExitCode}): {output}");
        }

        return Values(output);
    }

    public static LabProcess Start(LabNamespace ns, string interfaceName, string mode, params string[] arguments) =>
        ns.Start("/usr/bin/python3", [WriteScript(ns.Lab), interfaceName, mode, .. arguments]);

    public static IReadOnlyDictionary<string, string> Values(string output)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in KeyValue().Matches(output))
        {
            values[match.Groups["key"].Value] = match.Groups["value"].Value.Trim();
        }

        return values;
    }

    public static int Int(IReadOnlyDictionary<string, string> values, string key) =>
        int.Parse(values.TryGetValue(key, out var v) ? v : throw new InvalidOperationException($"no {key} in {string.Join(", ", values)}"), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<key>[A-Z_0-9]+)=(?<value>.*)$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyValue();
}
