using DhcpCluster.Lab.Packaging;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// How a container runtime or systemd starts a process, replayed with util-linux setpriv: a user and group,
/// a capability bounding set, ambient capabilities (systemd's AmbientCapabilities; none for Docker, which
/// leaves a non-root process only what file capabilities grant), and no_new_privs.
/// </summary>
internal sealed record RestrictedLaunch(int Uid, int Gid, IReadOnlySet<string> Bounding, IReadOnlySet<string> Ambient, bool NoNewPrivileges)
{
    /// <summary>The arguments of <c>setpriv</c> that exec <paramref name="file"/> with <paramref name="arguments"/> under this launch.</summary>
    public IReadOnlyList<string> SetprivArguments(string file, IEnumerable<string> arguments)
    {
        var list = new List<string>
        {
            FormattableString.Invariant($"--reuid={Uid}"),
            FormattableString.Invariant($"--regid={Gid}"),
            "--clear-groups",
            "--bounding-set=" + Capabilities.SetprivList(Bounding),
            "--inh-caps=" + Capabilities.SetprivList(Ambient),
        };
        if (Ambient.Count > 0)
        {
            list.Add("--ambient-caps=" + Capabilities.SetprivList(Ambient));
        }

        if (NoNewPrivileges)
        {
            list.Add("--no-new-privs");
        }

        list.Add(file);
        list.AddRange(arguments);
        return list;
    }
}
