using DhcpCluster.Cli;

namespace DhcpCluster.Cli.Tests;

/// <summary>One pbm run in process: exit code, standard output, standard error.</summary>
internal sealed record PbmRun(int ExitCode, string Output, string Error)
{
    public static async Task<PbmRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PbmCommandLine.RunAsync(args, output, error, TimeSpan.FromSeconds(20));
        return new PbmRun(code, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts a one-line error on standard error and nothing on standard output.</summary>
    public void AssertOneLineError(int exitCode, string contains)
    {
        Assert.Equal(exitCode, ExitCode);
        Assert.Equal(string.Empty, Output);
        var line = Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pbm: ", line, StringComparison.Ordinal);
        Assert.Contains(contains, line, StringComparison.Ordinal);
    }
}
