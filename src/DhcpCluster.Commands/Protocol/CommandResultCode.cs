namespace DhcpCluster.Commands.Protocol;

/// <summary>The <c>result</c> of a command response, with Kea's values.</summary>
public enum CommandResultCode
{
    /// <summary>The command succeeded.</summary>
    Success = 0,

    /// <summary>The command failed (bad arguments, internal error).</summary>
    Error = 1,

    /// <summary>The command is not supported by this node.</summary>
    Unsupported = 2,

    /// <summary>The command succeeded but found nothing.</summary>
    Empty = 3,

    /// <summary>The command conflicts with the current state (e.g. adding a lease for an address already leased).</summary>
    Conflict = 4,
}
