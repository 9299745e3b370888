using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DhcpCluster.Lab.Processes;

/// <summary>
/// A long-running process of a lab (a server, a relay, a client that stays in the background).
/// Its output lines are kept so a test can wait for one; disposing kills the whole process tree.
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private int streamsOpen = 2;

    private LabProcess(Process process, string display)
    {
        this.process = process;
        Display = display;
    }

    public string Display { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Every line printed so far on standard output and standard error, in arrival order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    public static LabProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var display = Command.Display(file, info.ArgumentList);
        var started = new Process { StartInfo = info, EnableRaisingEvents = true };
        var lab = new LabProcess(started, display);
        started.OutputDataReceived += (_, e) => lab.OnLine(e.Data);
        started.ErrorDataReceived += (_, e) => lab.OnLine(e.Data);
        try
        {
            started.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            started.Dispose();
            throw new LabException($"cannot start '{display}': {ex.Message}", ex);
        }

        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return lab;
    }

    /// <summary>Waits until a line matching <paramref name="pattern"/> has been printed, and returns its match.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        while (true)
        {
            var finished = process.HasExited && Volatile.Read(ref streamsOpen) == 0;
            var snapshot = Lines;
            for (; seen < snapshot.Count; seen++)
            {
                var match = pattern.Match(snapshot[seen]);
                if (match.Success)
                {
                    return match;
                }
            }

            if (finished)
            {
                throw new LabException($"'{Display}' exited with {process.ExitCode} before printing /{pattern}/; output:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new LabException($"'{Display}' did not print /{pattern}/ within {timeout}; output:\n{Output}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a signal (e.g. 15 for SIGTERM, 9 for SIGKILL) to the process itself.</summary>
    public async Task SignalAsync(int signal)
    {
        if (!process.HasExited)
        {
            await Command.RunAsync("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            throw new LabException($"'{Display}' did not exit within {timeout}", ex);
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            Interlocked.Decrement(ref streamsOpen);
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
