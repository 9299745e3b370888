using System.Diagnostics;

namespace DhcpCluster.Cli.Tests;

/// <summary>The built <c>pbm</c> executable itself: output streams and exit codes reach the shell.</summary>
public sealed class PbmExecutableTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunPbmAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "pbm"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Pbm_help_and_an_unreachable_node_from_the_shell()
    {
        var help = await RunPbmAsync("help");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("usage: pbm [HOST:PORT] PALETTE COMMAND [ARGS] [--json]", help.Output, StringComparison.Ordinal);

        var unreachable = await RunPbmAsync("127.0.0.1:1", "dhcp", "leases");
        Assert.Equal(69, unreachable.ExitCode);
        Assert.Equal(string.Empty, unreachable.Output);
        Assert.StartsWith("pbm: cannot reach 127.0.0.1:1", unreachable.Error, StringComparison.Ordinal);
    }
}
