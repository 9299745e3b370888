using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DhcpCluster.Lab.Databases;

/// <summary>
/// A throw-away PostgreSQL 15 server: initdb in a temp directory owned by the <c>postgres</c> user, listening on
/// 127.0.0.1 at a free port (and a unix socket in the directory), stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static int _databaseCounter;
    private readonly string _directory;
    private readonly string _dataDirectory;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartNewAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/initdb missing): apt-get install -y postgresql");
        }

        var directory = Path.Combine(Path.GetTempPath(), "dhcp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(directory, FreePort());
        try
        {
            await RunAsync("chown", "postgres:postgres", directory).ConfigureAwait(false);
            await RunAsPostgresAsync("initdb", "-D", server._dataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8").ConfigureAwait(false);
            await server.StartAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts (or restarts) the server process.</summary>
    public Task StartAsync() =>
        RunAsPostgresAsync("pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on", "start");

    /// <summary>Stops the server (fast: active connections are terminated).</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", "-D", _dataDirectory, "-w", "-t", "60", "-m", "fast", "stop");

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "CREATE DATABASE " + name;
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return ConnectionString(name);
    }

    /// <summary>
    /// The same connection over the server's unix socket: reachable from processes in any network namespace of this
    /// host (network namespaces do not separate unix sockets bound to a path).
    /// </summary>
    public string OverUnixSocket(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = _directory }.ConnectionString;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=5;Command Timeout=30";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                await RunAsPostgresAsync("pg_ctl", "-D", _dataDirectory, "-w", "-t", "60", "-m", "immediate", "stop").ConfigureAwait(false);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, program), .. arguments]);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }
}
