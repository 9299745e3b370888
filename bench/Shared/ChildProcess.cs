using System.Diagnostics;

namespace DhcpCluster.Benchmarks;

/// <summary>Starts this benchmark program again as a child process with other arguments.</summary>
public static class ChildProcess
{
    public static Process Start(params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the child process");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  child: " + e.Data); } };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for a line on the child's standard output that starts with <paramref name="prefix"/>.</summary>
    public static string WaitForLine(Process process, string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"the child exited before printing '{prefix}'");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new TimeoutException($"the child did not print '{prefix}' within {timeout}");
    }
}
