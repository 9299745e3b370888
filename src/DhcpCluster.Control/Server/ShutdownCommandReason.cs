using DhcpCluster.Actors;

namespace DhcpCluster.Control.Server;

/// <summary>The coordinated shutdown was asked for by the <c>shutdown</c> command.</summary>
/// <param name="exitValue">The process exit code the command asked for (Kea's <c>exit-value</c>, 0 by default).</param>
public sealed class ShutdownCommandReason(int exitValue) : CoordinatedShutdown.Reason
{
    /// <summary>The exit code the node should end with.</summary>
    public int ExitValue { get; } = exitValue;

    /// <inheritdoc />
    public override string ToString() => $"shutdown command (exit-value {ExitValue})";
}
