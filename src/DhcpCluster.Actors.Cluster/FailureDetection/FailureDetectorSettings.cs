namespace DhcpCluster.Actors.Cluster;

/// <summary>Settings of the phi-accrual failure detector (<c>dhcp-cluster.cluster.failure-detector.*</c>).</summary>
public sealed record FailureDetectorSettings(
    TimeSpan HeartbeatInterval,
    double Threshold,
    int MaxSampleSize,
    TimeSpan MinStdDeviation,
    TimeSpan AcceptableHeartbeatPause,
    int MonitoredByNrOfMembers,
    TimeSpan ExpectedResponseAfter);
