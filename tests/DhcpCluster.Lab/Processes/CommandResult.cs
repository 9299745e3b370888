namespace DhcpCluster.Lab.Processes;

/// <summary>The outcome of a command run to completion.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command and its output unless it exited with 0.</summary>
    public CommandResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new LabException($"'{Command}' exited with {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".Trim());
        }

        return this;
    }
}
