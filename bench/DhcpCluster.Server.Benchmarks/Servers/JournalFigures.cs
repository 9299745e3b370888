namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>The journal's group commit over one run: commits (each one sync), events, events per commit.</summary>
internal sealed record JournalFigures(long Commits, long Events, double EventsPerCommit);
