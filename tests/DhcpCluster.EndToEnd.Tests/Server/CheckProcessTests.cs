using System.Text.RegularExpressions;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// <c>dhcp-node --config FILE --check</c> as a real process on one bad file per mistake of the issue: exit code 1 and
/// exactly one error line <c>file:line:col: key: problem</c> naming the mistake's own line and key.
/// </summary>
public sealed class CheckProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sv-check-").FullName;

    public static TheoryData<string, string, int, string, string> Mistakes => new()
    {
        { "wrong-type", """subnet4 = [ { id = 1, subnet = "192.0.2.0/24", valid-lifetime = "one hour" } ]""", 3, "Dhcp4.subnet4[0].valid-lifetime", "expected a long integer, found \"one hour\"" },
        {
            "overlapping-pool", """
            subnet4 = [ { id = 1, subnet = "192.0.2.0/24", pools = [
                { pool = "192.0.2.10 - 192.0.2.100" }
                { pool = "192.0.2.50 - 192.0.2.60" }
              ] } ]
            """, 5, "Dhcp4.subnet4[0].pools[1].pool", "pool 192.0.2.50 - 192.0.2.60 overlaps pool 192.0.2.10 - 192.0.2.100 (Dhcp4.subnet4[0].pools[0])"
        },
        {
            "pool-outside", """
            subnet4 = [ { id = 1, subnet = "192.0.2.0/24"
              pools = [ { pool = "198.51.100.10 - 198.51.100.20" } ] } ]
            """, 4, "Dhcp4.subnet4[0].pools[0].pool", "pool 198.51.100.10 - 198.51.100.20 is outside the subnet 192.0.2.0/24"
        },
        { "unknown-option", """option-data = [ { name = "gateways", data = "192.0.2.1" } ]""", 3, "Dhcp4.option-data[0].name", "unknown option name 'gateways' in space 'dhcp4'" },
        { "unknown-key", """subnet4 = [ { id = 1, subnet = "192.0.2.0/24", renew-timr = 100 } ]""", 3, "Dhcp4.subnet4[0].renew-timr", "unknown key" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_is_reported_by_dhcp_node_check_with_file_line_key_and_problem_and_a_non_zero_exit(
        string name, string mistake, int line, string key, string problem)
    {
        var path = Path.Combine(directory, name + ".conf");
        await File.WriteAllTextAsync(path, "Dhcp4 {\n  interfaces-config { interfaces = [ \"*\" ] }\n" + mistake + "\n}\n");

        var result = await Command.RunAsync("dotnet", [NodeProcess.NodeDll, "--config", path, "--check"], TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reported = Assert.Single(errors, l => l.StartsWith(path + ":", StringComparison.Ordinal));
        Assert.Matches($@"^{Regex.Escape(path)}:{line}:\d+: {Regex.Escape(key)}: {Regex.Escape(problem)}", reported);
        Assert.Contains(errors, l => l.StartsWith(name + ".conf: 1 error(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_file_passes_the_check_with_exit_code_0()
    {
        var path = Path.Combine(directory, "valid.conf");
        await File.WriteAllTextAsync(path, """
            Dhcp4 {
              interfaces-config { interfaces = [ "*" ] }
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24", pools = [ { pool = "192.0.2.10 - 192.0.2.100" } ] } ]
            }
            """);
        var result = await Command.RunAsync("dotnet", [NodeProcess.NodeDll, "--config", path, "--check"], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("valid.conf: configuration valid", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
