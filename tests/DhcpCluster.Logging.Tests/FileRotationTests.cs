using DhcpCluster.Logging.Configuration;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging.Tests;

public sealed class FileRotationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kea-log-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string LogFile => Path.Combine(_directory, "logs", "kea-dhcp4.log");

    private void WriteLines(long maxSize, int maxVersions, int count)
    {
        using var provider = new KeaLoggerProvider(
            [new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions(LogFile, maxSize, maxVersions, Flush: true, Pattern: "%m%n")])]);
        var logger = provider.CreateLogger("DhcpCluster.Server");
        for (var i = 0; i < count; i++)
        {
            logger.LogInformation("line {Number:D4} .........................", i);
        }
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    [Fact]
    public void Files_rotate_at_maxsize_and_keep_maxver_versions()
    {
        // Each line is 36 bytes: 5 lines fit in 200 bytes.
        WriteLines(maxSize: 200, maxVersions: 2, count: 23);
        Assert.False(File.Exists(LogFile + ".3"));
        foreach (var path in new[] { LogFile, LogFile + ".1", LogFile + ".2" })
        {
            Assert.True(new FileInfo(path).Length <= 200, path);
        }

        var kept = Lines(LogFile + ".2").Concat(Lines(LogFile + ".1")).Concat(Lines(LogFile)).ToList();
        Assert.Equal(13, kept.Count);
        Assert.Equal(Enumerable.Range(10, 13).Select(i => $"line {i:D4} ........................."), kept, StringComparer.Ordinal);
    }

    [Fact]
    public void Maxver_zero_truncates_instead_of_keeping_versions()
    {
        WriteLines(maxSize: 200, maxVersions: 0, count: 12);
        Assert.False(File.Exists(LogFile + ".1"));
        Assert.Equal(["line 0010 .........................", "line 0011 ........................."], Lines(LogFile));
    }

    [Fact]
    public void Maxsize_zero_never_rotates_and_a_restart_appends()
    {
        WriteLines(maxSize: 0, maxVersions: 1, count: 30);
        WriteLines(maxSize: 0, maxVersions: 1, count: 2);
        Assert.False(File.Exists(LogFile + ".1"));
        Assert.Equal(32, Lines(LogFile).Length);
    }

    [Fact]
    public void Two_loggers_writing_to_one_file_share_it()
    {
        using (var provider = new KeaLoggerProvider(
        [
            new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions(LogFile, Pattern: "%c %m%n")]),
            new KeaLoggerSpecification("kea-dhcp4.leases", KeaSeverity.Debug, 0, [new KeaOutputOptions(LogFile, Pattern: "%c %m%n")]),
        ]))
        {
            Assert.Single(provider.Outputs);
            provider.CreateLogger("DhcpCluster.Server").LogInformation("one");
            provider.CreateLogger("DhcpCluster.Server.Leases").LogDebug("two");
        }

        Assert.Equal(["kea-dhcp4.dhcpsrv one", "kea-dhcp4.leases two"], Lines(LogFile));
    }

    [Fact]
    public void Non_ASCII_text_is_written_as_UTF8()
    {
        var text = "hostname \u00fcber-\U0001F600 " + new string('x', 9000);
        using (var provider = new KeaLoggerProvider([new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions(LogFile, Pattern: "%m%n")])]))
        {
            provider.CreateLogger("DhcpCluster.Server").LogInformation("{Text}", text);
        }

        Assert.Equal([text], Lines(LogFile));
    }
}
