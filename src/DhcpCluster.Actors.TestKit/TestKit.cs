using DhcpCluster.Hocon;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DhcpCluster.Actors.Testing;

/// <summary>
/// Base class of actor tests for xunit: every test instance gets its own actor system (named after
/// the test class), a test actor and the expectations of <see cref="TestKitBase"/>; Dispose terminates
/// the system. Logs go to the event filters and, when given, to the xunit output.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private bool _disposed;

    /// <summary>Creates the kit with the default configuration.</summary>
    protected TestKit(Action<string>? output = null)
        : this((string?)null, output)
    {
    }

    /// <summary>Creates the kit writing logs to the xunit test output.</summary>
    protected TestKit(ITestOutputHelper output)
        : this((string?)null, output is null ? null : output.WriteLine)
    {
    }

    /// <summary>Creates the kit with HOCON text layered over the defaults (test systems do not hook SIGTERM).</summary>
    protected TestKit(string? hocon, Action<string>? output = null)
        : this(hocon is null ? ConfigFactory.Empty : ConfigFactory.ParseString(hocon, "<test config>"), output)
    {
    }

    /// <summary>Creates the kit with a configuration layered over the defaults.</summary>
    protected TestKit(Config config, Action<string>? output = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sink = new TestLogSink(output);
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(sink));
        var full = config
            .WithFallback(ConfigFactory.ParseString("dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off", "<testkit defaults>"))
            .WithFallback(TestKitSettings.Reference);
        var settings = TestKitSettings.Read(full);
        var system = ActorSystem.Create(SystemName(GetType()), full, new ActorSystemSetup { LoggerFactory = _loggerFactory });
        InitializeTest(system, settings, sink, "testActor");
    }

    private static string SystemName(Type type)
    {
        var chars = type.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_').ToArray();
        return chars.Length == 0 ? "test" : new string(chars);
    }

    /// <summary>Terminates the system (waits up to the dilated default timeout).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            var terminated = Sys.Terminate().Wait(Dilated(Settings.DefaultTimeout) * 2);
            _loggerFactory.Dispose();
            if (!terminated)
            {
                throw new TestKitAssertionException($"The actor system {Sys.Name} did not terminate in time.");
            }
        }
    }
}
