namespace DhcpCluster.Actors;

/// <summary>The value of completed operations (Akka's <c>Done</c>).</summary>
public sealed class Done
{
    private Done() { }

    /// <summary>The single instance.</summary>
    public static Done Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "Done";
}
