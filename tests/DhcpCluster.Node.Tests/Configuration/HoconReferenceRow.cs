namespace DhcpCluster.Node.Tests.Configuration;

/// <summary>One key table row of HOCON-reference.md: <c>| `path` | type | default | meaning | mirrors |</c>.</summary>
internal sealed record HoconReferenceRow(string Path, string Type, string Default, int Line);
