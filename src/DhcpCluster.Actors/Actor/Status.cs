namespace DhcpCluster.Actors;

/// <summary>Status replies, as used by <c>PipeTo</c> and <c>Ask</c>.</summary>
public static class Status
{
    /// <summary>A successful result.</summary>
    public sealed record Success(object? Status);

    /// <summary>A failed result: an <c>Ask</c> receiving it fails with <see cref="Cause"/>.</summary>
    public sealed record Failure(Exception Cause, object? State = null);
}
