namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>One service of <c>docker-compose config</c>'s resolved output.</summary>
internal sealed record ComposeService(
    string Name,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    string? User,
    IReadOnlySet<string> CapAdd,
    IReadOnlySet<string> CapDrop,
    IReadOnlyList<(string Source, string Target)> Volumes,
    IReadOnlyDictionary<string, string?> NetworkAddresses,
    string? NetworkMode,
    string? Dockerfile,
    bool SecurityOptNoNewPrivileges);
