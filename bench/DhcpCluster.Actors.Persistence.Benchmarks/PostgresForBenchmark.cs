using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DhcpCluster.Actors.Persistence.Benchmarks;

/// <summary>A throw-away PostgreSQL 15 server for the benchmark (initdb in a temp directory as user postgres, 127.0.0.1, free port), removed on dispose.</summary>
internal sealed class PostgresForBenchmark : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;

    private PostgresForBenchmark(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=50";

    public static async Task<PostgresForBenchmark> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dhcp-pg-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new PostgresForBenchmark(directory, port);
        try
        {
            await RunAsync("chown", "postgres:postgres", directory);
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "--no-sync");
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=on", "start");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_directory, "data", "postmaster.pid")))
            {
                await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-w", "-m", "immediate", "stop");
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
