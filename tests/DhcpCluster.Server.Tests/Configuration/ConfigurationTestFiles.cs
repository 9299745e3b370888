using DhcpCluster.Hocon;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Server.Tests.Configuration;

/// <summary>Test data files and a helper binding configuration text the way a node loads it (over reference.conf).</summary>
internal static class ConfigurationTestFiles
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Configuration", "TestData");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static Config Load(string name) => ConfigFactory.Load(PathOf(name), typeof(ServerConfiguration).Assembly);

    public static ServerConfigurationBinding BindText(string text, string origin = "node.conf") =>
        ServerConfigurationBinder.Bind(ConfigFactory.Load(ConfigFactory.ParseString(text, origin), typeof(ServerConfiguration).Assembly));

    public static IReadOnlyList<string> Problems(this ServerConfigurationBinding binding) => [.. binding.Problems.Select(p => p.ToString())];

    public static IReadOnlyList<string> Errors(this ServerConfigurationBinding binding) => [.. binding.Errors.Select(p => p.ToString())];

    /// <summary>A temporary file deleted on dispose.</summary>
    public sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string text, string extension = ".conf")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dhcp-config-test-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
