using DhcpCluster.Node;

namespace DhcpCluster.Server.Tests.Configuration;

/// <summary><c>dhcp-node --config FILE --check</c> on whole files: exit code and <c>file:line:col: key: problem</c> lines.</summary>
public sealed class CheckCommandTests
{
    private static (int ExitCode, string Output, string Errors) Check(string path)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = NodeCommandLine.Check(new FileInfo(path), output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    [Fact]
    public void A_real_kea_file_is_valid_and_its_unsupported_kea_keys_are_warnings_with_their_lines()
    {
        var path = ConfigurationTestFiles.PathOf("kea-office.conf");
        var (exitCode, output, errors) = Check(path);
        Assert.True(exitCode == NodeCommandLine.Valid, errors);
        Assert.Equal("kea-office.conf: configuration valid (2 warning(s))" + Environment.NewLine, output);
        Assert.Equal(
            [
                $"{path}:13:23: Dhcp4.control-socket: warning: not supported yet: this Kea key is ignored",
                $"{path}:25:34: Dhcp4.expired-leases-processing: warning: not supported yet: this Kea key is ignored",
            ],
            errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_five_mistakes_of_the_issue_are_each_reported_with_file_line_and_key()
    {
        using var file = new ConfigurationTestFiles.TemporaryFile("""
            Dhcp4 {
              interfaces-config { interfaces = [ eth0 ] }
              valid-lifetime = "one hour"
              subnet4 = [
                {
                  id = 1
                  subnet = "192.0.2.0/24"
                  pools = [
                    { pool = "192.0.2.10 - 192.0.2.100" }
                    { pool = "192.0.2.50 - 192.0.2.60" }
                    { pool = "198.51.100.10 - 198.51.100.20" }
                  ]
                  option-data = [ { name = gateways, data = "192.0.2.1" } ]
                  renew-timr = 100
                }
              ]
            }
            """);
        var (exitCode, output, errors) = Check(file.Path);
        Assert.True(exitCode == NodeCommandLine.Invalid, errors);
        Assert.Empty(output);
        var name = Path.GetFileName(file.Path);
        Assert.Equal(
            string.Join(Environment.NewLine, [
                $"{file.Path}:3:20: Dhcp4.valid-lifetime: expected a long integer, found \"one hour\"",
                $"{file.Path}:10:18: Dhcp4.subnet4[0].pools[1].pool: pool 192.0.2.50 - 192.0.2.60 overlaps pool 192.0.2.10 - 192.0.2.100 (Dhcp4.subnet4[0].pools[0])",
                $"{file.Path}:11:18: Dhcp4.subnet4[0].pools[2].pool: pool 198.51.100.10 - 198.51.100.20 is outside the subnet 192.0.2.0/24",
                $"{file.Path}:13:32: Dhcp4.subnet4[0].option-data[0].name: unknown option name 'gateways' in space 'dhcp4' (define it with option-def)",
                $"{file.Path}:14:20: Dhcp4.subnet4[0].renew-timr: unknown key (not a Kea Dhcp4 key either: a typo?)",
                $"{name}: 5 error(s), 0 warning(s): the configuration is not valid",
                string.Empty,
            ]),
            errors);
    }
}
