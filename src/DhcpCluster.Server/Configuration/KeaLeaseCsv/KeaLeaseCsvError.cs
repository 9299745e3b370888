namespace DhcpCluster.Server.Configuration.KeaLeaseCsv;

/// <summary>One bad row of a Kea lease file.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Problem">What is wrong.</param>
public sealed record KeaLeaseCsvError(int Line, string Problem);
