namespace DhcpCluster.Cli;

/// <summary>pbm's exit codes: the command's result code when the node answered, else a usage or reachability code.</summary>
public static class PbmExitCode
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The node answered result 1 (error).</summary>
    public const int CommandError = 1;

    /// <summary>The node answered result 2 (not available on this node).</summary>
    public const int Unsupported = 2;

    /// <summary>The node answered result 3 (nothing found) to a lookup of one thing.</summary>
    public const int NotFound = 3;

    /// <summary>The node answered result 4 (conflict).</summary>
    public const int Conflict = 4;

    /// <summary>The command line is wrong (unknown palette or command, missing argument); as sysexits' EX_USAGE.</summary>
    public const int Usage = 64;

    /// <summary>The node cannot be reached; as sysexits' EX_UNAVAILABLE.</summary>
    public const int Unreachable = 69;
}
