using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Node.Configuration;

namespace DhcpCluster.Node.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static readonly ConfigKey Throughput = new("dhcp-cluster.demo.throughput", ConfigValueType.Int, "messages per turn");
    private static readonly ConfigKey Timeout = new("dhcp-cluster.demo.timeout", ConfigValueType.Duration, "how long to wait");
    private static readonly ConfigKey Subnets = new("Dhcp4.subnet4", ConfigValueType.ObjectList, "subnets");
    private static readonly ConfigKey SubnetId = new("Dhcp4.subnet4[].id", ConfigValueType.Int, "subnet id");
    private static readonly ConfigKey Pools = new("Dhcp4.subnet4[].pools", ConfigValueType.ObjectList, "pools");
    private static readonly ConfigKey Pool = new("Dhcp4.subnet4[].pools[].pool", ConfigValueType.String, "pool range");
    private static readonly ConfigKey[] Keys = [Throughput, Timeout, Subnets, SubnetId, Pools, Pool];

    [Fact]
    public void A_valid_configuration_has_no_problems()
    {
        var config = ConfigFactory.ParseString("""
            dhcp-cluster.demo { throughput = 30, timeout = 3s }
            Dhcp4.subnet4 = [ { id = 1, pools = [ { pool = "192.0.2.10 - 192.0.2.20" } ] } ]
            """, "node.conf");
        Assert.Empty(ConfigurationCheck.Check(config, Keys));
    }

    [Fact]
    public void A_dispatcher_of_the_users_own_has_the_default_dispatchers_keys()
    {
        var keys = ConfigKeyRegistry.Discover([typeof(DhcpCluster.Actors.Props).Assembly]);
        var valid = ConfigFactory.ParseString("""
            dhcp-cluster.actor.my-dispatcher { type = Dispatcher, executor = fork-join-executor, throughput = 10, fork-join-executor.parallelism-max = 2 }
            """, "node.conf");
        Assert.Empty(ConfigurationCheck.Check(valid, keys));

        var typo = ConfigFactory.ParseString("""
            dhcp-cluster.actor.my-dispatcher { type = Dispatcher, thruput = 10 }
            dhcp-cluster.actor.not-a-dispatcher { executor = fork-join-executor }
            """, "node.conf");
        var problems = ConfigurationCheck.Check(typo, keys).Select(p => p.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dhcp-cluster.actor.my-dispatcher.thruput", "dhcp-cluster.actor.not-a-dispatcher"], problems);
    }

    [Fact]
    public void A_wrong_type_is_reported_with_file_line_and_key()
    {
        var config = ConfigFactory.ParseString("""
            dhcp-cluster.demo {
              throughput = fast
              timeout = 3s
            }
            """, "node.conf");
        var problem = Assert.Single(ConfigurationCheck.Check(config, Keys));
        Assert.Equal(ConfigProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("node.conf:2:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains(": dhcp-cluster.demo.throughput: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_inside_a_list_element_names_the_element()
    {
        var config = ConfigFactory.ParseString("""
            Dhcp4.subnet4 = [
              { id = 1, pools = [ { pool = "192.0.2.10 - 192.0.2.20" } ] }
              { id = two, pools = [ { pool = [1, 2] } ] }
            ]
            """, "node.conf");
        var problems = ConfigurationCheck.Check(config, Keys).Select(p => p.ToString()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("node.conf:3:", StringComparison.Ordinal) && p.Contains(": Dhcp4.subnet4[1].id: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("node.conf:3:", StringComparison.Ordinal) && p.Contains(": Dhcp4.subnet4[1].pools[0].pool: ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_runtime_key_is_an_error_a_kea_key_a_warning_and_a_typo_under_dhcp4_an_error()
    {
        var config = ConfigFactory.ParseString("""
            dhcp-cluster.demo { throughput = 30, timout = 3s }
            Dhcp4 {
              subnet4 = [ { id = 1, pools = [ { pool = "192.0.2.10 - 192.0.2.20", pool-id = 7 } ] } ]
              ddns-send-updates = true
              valid-lifetme = 600
              comment = "Kea comments are accepted anywhere"
            }
            """, "node.conf");
        var problems = ConfigurationCheck.Check(config, Keys).Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "node.conf:1:47: dhcp-cluster.demo.timout: unknown key",
                "node.conf:3:81: Dhcp4.subnet4[0].pools[0].pool-id: warning: not supported yet: this Kea key is ignored",
                "node.conf:4:23: Dhcp4.ddns-send-updates: warning: not supported yet: this Kea key is ignored",
                "node.conf:5:19: Dhcp4.valid-lifetme: unknown key (not a Kea Dhcp4 key either: a typo?)",
            ],
            problems);
    }

    [Fact]
    public void A_syntax_error_in_the_file_is_the_one_problem_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dhcp-node-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "dhcp-cluster {\n  demo.throughput = 30\n");
        try
        {
            var problem = Assert.Single(ConfigurationCheck.Run(path, ProductModules.All));
            Assert.Equal(ConfigProblemSeverity.Error, problem.Severity);
            Assert.StartsWith(path + ":", problem.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_journal_setting_outside_its_allowed_values_is_an_error_at_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dhcp-node-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "Dhcp4 { interfaces-config { interfaces = [] } }\ndhcp-cluster.persistence.journal.sqlite-synchronous = sometimes\n");
        try
        {
            var problem = Assert.Single(ConfigurationCheck.Run(path, ProductModules.All), p => p.Severity == ConfigProblemSeverity.Error);
            Assert.StartsWith(path + ":2:", problem.ToString(), StringComparison.Ordinal);
            Assert.Contains("dhcp-cluster.persistence.journal.sqlite-synchronous", problem.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_example_configuration_is_valid()
    {
        var directory = Path.GetDirectoryName(HoconReferenceDocument.Locate())!;
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = NodeCommandLine.Check(new FileInfo(Path.Combine(directory, "config", "dhcp-node.conf")), output, errors);
        Assert.True(exitCode == NodeCommandLine.Valid, errors.ToString());
        Assert.Contains("configuration valid", output.ToString(), StringComparison.Ordinal);
    }
}
