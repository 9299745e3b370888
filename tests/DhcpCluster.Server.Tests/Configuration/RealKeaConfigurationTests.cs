using System.Text;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Server.Tests.Configuration;

/// <summary>
/// Kea configurations as administrators write them (checked with Kea 2.2's own <c>kea-dhcp4 -t</c>) load as they are.
/// </summary>
public sealed class RealKeaConfigurationTests
{
    [Fact]
    public void An_office_kea_file_with_every_comment_style_binds_with_its_unsupported_kea_keys_as_warnings()
    {
        var binding = ServerConfigurationBinder.Bind(ConfigurationTestFiles.Load("kea-office.conf"));
        var file = ConfigurationTestFiles.PathOf("kea-office.conf");
        Assert.Equal(
            string.Join(Environment.NewLine, [
                $"{file}:13:23: Dhcp4.control-socket: warning: not supported yet: this Kea key is ignored",
                $"{file}:25:34: Dhcp4.expired-leases-processing: warning: not supported yet: this Kea key is ignored",
            ]),
            string.Join(Environment.NewLine, binding.Problems()));
        var configuration = binding.Configuration!;
        var dhcp = configuration.Dhcp;
        Assert.Equal(3600u, dhcp.ValidLifetime);
        Assert.Equal(900u, dhcp.RenewTimer);
        Assert.Equal(1800u, dhcp.RebindTimer);
        Assert.Equal([10u, 20u], dhcp.AllSubnets.Select(s => s.Id));
        var office = dhcp.FindSubnet(10)!;
        Assert.Equal("192.0.2.100 - 192.0.2.199", Assert.Single(office.Pools).ToString());
        Assert.Equal(2, office.Reservations.Count);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), office.Reservations[0].IpAddress);
        Assert.Equal("printer", office.Reservations[0].Hostname);
        Assert.Equal(Convert.FromHexString("01112233445566"), office.Reservations[1].ClientId!.Value.ToArray());
        Assert.Equal(Convert.FromHexString("C000023C"), office.Reservations[1].OptionData.Get(7)!.Value.ToArray());
        Assert.Equal(Convert.FromHexString("C0000201"), office.OptionData.Get(3)!.Value.ToArray());
        Assert.Equal("198.51.100.20 - 198.51.100.99, 198.51.100.128 - 198.51.100.191", string.Join(", ", dhcp.FindSubnet(20)!.Pools));
        Assert.Equal(7200u, dhcp.FindSubnet(20)!.Effective.ValidLifetime);

        // Global options by name, by code with text, by code in hex.
        Assert.Equal(Convert.FromHexString("C0000235C0000236"), dhcp.OptionData.Get(6)!.Value.ToArray());
        Assert.Equal("office.example.org", Encoding.ASCII.GetString(dhcp.OptionData.Get(15)!.Value.Span));
        Assert.Equal(Convert.FromHexString("C000027B"), dhcp.OptionData.Get(42)!.Value.ToArray());
        Assert.NotNull(dhcp.OptionData.Get(119));

        Assert.Equal([new InterfaceSelection("eth1", null)], configuration.Interfaces.Interfaces);
        Assert.Equal(DhcpSocketType.Raw, configuration.Interfaces.SocketType);
        Assert.Null(configuration.Interfaces.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), configuration.Interfaces.RetryWaitTime);

        var database = configuration.LeaseDatabase;
        Assert.Equal(LeaseDatabaseType.Memfile, database.Type);
        Assert.Equal(StorageProvider.Sqlite, database.Provider);
        Assert.Equal("/var/lib/kea/kea-leases4.db", database.SqliteFile);
        Assert.Null(database.ImportFile);
        Assert.Equal(ReconnectSettings.KeaDefaults, database.Reconnect);

        var logger = Assert.Single(configuration.Loggers.Loggers);
        Assert.Equal(new LoggerConfiguration("kea-dhcp4", LogSeverity.Info, 0, logger.Outputs), logger);
        Assert.Equal(new LoggerOutput("/var/log/kea/kea-dhcp4.log", 2048000, 4, true, null), Assert.Single(logger.Outputs));
        Assert.Null(configuration.HighAvailability);
    }

    [Fact]
    public void A_campus_ha_pair_file_binds_with_its_ha_settings_and_one_warning()
    {
        var binding = ServerConfigurationBinder.Bind(ConfigurationTestFiles.Load("kea-campus-ha.conf"));
        var file = ConfigurationTestFiles.PathOf("kea-campus-ha.conf");
        Assert.Equal(
            $"{file}:87:20: Dhcp4.hooks-libraries[1].library: warning: HA arrives with the cluster: the high-availability settings are parsed and checked, not acted on yet",
            string.Join(Environment.NewLine, binding.Problems()));
        var configuration = binding.Configuration!;

        var ha = configuration.HighAvailability!;
        Assert.Equal("server1", ha.ThisServerName);
        Assert.Equal(HighAvailabilityMode.HotStandby, ha.Mode);
        Assert.Equal(TimeSpan.FromSeconds(10), ha.HeartbeatDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), ha.MaxResponseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), ha.MaxAckDelay);
        Assert.Equal(5, ha.MaxUnackedClients);
        Assert.Equal(0, ha.DelayedUpdatesLimit);
        Assert.Equal(
            [
                new HighAvailabilityPeer("server1", new Uri("http://203.0.113.2:8000/"), HighAvailabilityRole.Primary, AutoFailover: true),
                new HighAvailabilityPeer("server2", new Uri("http://203.0.113.3:8000/"), HighAvailabilityRole.Standby, AutoFailover: true),
            ],
            ha.Peers);
        Assert.Equal(HighAvailabilityRole.Primary, ha.ThisServer.Role);
        Assert.Equal(2, configuration.HookLibraries.Count);
    }

    [Fact]
    public void A_campus_ha_pair_file_binds_its_interfaces_database_shared_networks_classes_and_custom_options()
    {
        var configuration = ServerConfigurationBinder.Bind(ConfigurationTestFiles.Load("kea-campus-ha.conf")).Configuration!;
        Assert.Equal([new InterfaceSelection("eth0", Ipv4Address.Parse("203.0.113.2")), new InterfaceSelection("eth0.31", null)], configuration.Interfaces.Interfaces);
        Assert.Equal(10, configuration.Interfaces.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), configuration.Interfaces.RetryWaitTime);

        var database = configuration.LeaseDatabase;
        Assert.Equal(StorageProvider.PostgreSql, database.Provider);
        Assert.Equal(new ReconnectSettings(30, TimeSpan.FromSeconds(2), OnFailAction.ServeRetryContinue, RetryOnStartup: false), database.Reconnect);
        Assert.Contains("Host=db.example.org", database.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=kea", database.ConnectionString, StringComparison.Ordinal);

        var dhcp = configuration.Dhcp;
        Assert.False(dhcp.MatchClientId);
        Assert.Equal(3600u, dhcp.DeclineProbationPeriod);
        Assert.Equal([HostReservationIdentifier.CircuitId, HostReservationIdentifier.HwAddress, HostReservationIdentifier.ClientId], dhcp.HostReservationIdentifiers);
        var network = Assert.Single(dhcp.SharedNetworks);
        Assert.Equal("building-a", network.Name);
        Assert.Equal([101u, 102u], network.Subnets.Select(s => s.Id));
        Assert.Equal([101u, 102u], dhcp.FindSubnetsByRelay(Ipv4Address.Parse("198.18.10.1")).Select(s => s.Id));
        Assert.Equal("printers", dhcp.FindSubnet(102)!.Pools[0].ClientClass);
        Assert.Equal("port-12", Encoding.ASCII.GetString(dhcp.FindSubnet(102)!.Reservations[0].CircuitId!.Value.Span));
        Assert.Equal("eth0", dhcp.FindSubnet(1)!.Interface);

        // Custom option definitions: a string and a record.
        Assert.Equal("Campus boot", Encoding.ASCII.GetString(dhcp.Classes.Find("pxe-bios")!.Definition.OptionData.Get(222)!.Value.Span));
        var flags = dhcp.OptionData.Get(223)!;
        Assert.Equal(Convert.FromHexString("07CB007109"), flags.Value.ToArray());
        Assert.True(flags.AlwaysSend);
        Assert.Equal(Ipv4Address.Parse("203.0.113.5"), dhcp.ClientClasses[0].NextServer);
        Assert.Equal(86400u, dhcp.ClientClasses[1].ValidLifetime);

        Assert.Equal(
            [new LoggerOutput("stdout", 10240000, 1, true, "%-5p %m\n")],
            configuration.Loggers.Loggers[0].Outputs);
        Assert.Equal((LogSeverity.Debug, 55), (configuration.Loggers.Loggers[1].Severity, configuration.Loggers.Loggers[1].DebugLevel));
    }

    [Fact]
    public void A_node_file_includes_a_kea_file_as_it_is_and_overrides_one_key()
    {
        var binding = ServerConfigurationBinder.Bind(ConfigurationTestFiles.Load("node-including-kea.conf"));
        Assert.False(binding.HasErrors);
        Assert.Equal(["Dhcp4.control-socket", "Dhcp4.expired-leases-processing"], binding.Warnings.Select(w => w.Path).ToArray(), StringComparer.Ordinal);
        Assert.Equal(4000u, binding.Configuration!.Dhcp.ValidLifetime);
        Assert.Equal(2, binding.Configuration.Dhcp.AllSubnets.Count);
    }

    [Fact]
    public void Defaults_are_keas_when_the_file_sets_nothing()
    {
        var binding = ConfigurationTestFiles.BindText("Dhcp4.interfaces-config.interfaces = [ \"*\" ]");
        Assert.Equal(string.Empty, string.Join(Environment.NewLine, binding.Problems()));
        var configuration = binding.Configuration!;
        Assert.Equal(7200u, configuration.Dhcp.ValidLifetime);
        Assert.Equal(86400u, configuration.Dhcp.DeclineProbationPeriod);
        Assert.True(configuration.Dhcp.MatchClientId);
        Assert.False(configuration.Dhcp.Authoritative);
        Assert.True(configuration.Interfaces.AllInterfaces);
        Assert.False(configuration.Interfaces.RequireAll);
        Assert.Null(configuration.Interfaces.MaxRetries);
        Assert.Equal(LeaseDatabaseType.Memfile, configuration.LeaseDatabase.Type);
        Assert.Equal(LeaseDatabaseConfiguration.DefaultSqliteFile, configuration.LeaseDatabase.SqliteFile);
        Assert.Equal(ReconnectSettings.KeaDefaults, configuration.LeaseDatabase.Reconnect);
        Assert.Equal(3600, configuration.LeaseDatabase.LfcInterval);
    }

    [Fact]
    public void A_subnet_without_id_gets_the_next_free_id_as_kea_numbers_them_with_a_warning()
    {
        var binding = ConfigurationTestFiles.BindText("""
            Dhcp4 {
              interfaces-config.interfaces = [ eth0 ]
              subnet4 = [
                { subnet = "192.0.2.0/24" }
                { id = 1, subnet = "198.51.100.0/24" }
                { subnet = "203.0.113.0/24" }
              ]
            }
            """);
        Assert.Equal(
            [
                "node.conf:4:5: Dhcp4.subnet4[0].id: warning: missing: id 2 assigned in order, as Kea does; write ids explicitly, as leases follow the subnet id",
                "node.conf:6:5: Dhcp4.subnet4[2].id: warning: missing: id 3 assigned in order, as Kea does; write ids explicitly, as leases follow the subnet id",
            ],
            binding.Problems());
        Assert.Equal([2u, 1u, 3u], binding.Configuration!.Dhcp.Subnets.Select(s => s.Id));
    }
}
