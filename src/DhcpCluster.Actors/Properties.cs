using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DhcpCluster.Actors.Persistence")]
[assembly: InternalsVisibleTo("DhcpCluster.Actors.Remote")]
[assembly: InternalsVisibleTo("DhcpCluster.Actors.Cluster")]
[assembly: InternalsVisibleTo("DhcpCluster.Actors.TestKit")]
[assembly: InternalsVisibleTo("DhcpCluster.Actors.Tests")]
