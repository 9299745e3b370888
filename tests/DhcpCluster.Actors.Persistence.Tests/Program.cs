using System.Globalization;
using DhcpCluster.Actors.Persistence.Tests.Journal;

namespace DhcpCluster.Actors.Persistence.Tests;

/// <summary>Entry point used only when a test runs this assembly as a child process (the test host never calls it).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [JournalWriterProcess.Mode, var provider, var connectionString, var writers])
        {
            return await JournalWriterProcess.RunAsync(provider, connectionString, int.Parse(writers, CultureInfo.InvariantCulture));
        }

        await Console.Error.WriteLineAsync($"usage: {JournalWriterProcess.Mode} PROVIDER CONNECTION-STRING WRITERS");
        return 2;
    }
}
