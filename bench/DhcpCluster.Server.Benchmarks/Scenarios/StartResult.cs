namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>The start-time figure and the offer check.</summary>
internal sealed record StartResult(
    int JournalEvents, int Leases, bool WithSnapshot, double SecondsToFirstOffer, double SecondsToRecovered, int OffersChecked, int OffersOfLeasedAddresses, double LoadAverage);
