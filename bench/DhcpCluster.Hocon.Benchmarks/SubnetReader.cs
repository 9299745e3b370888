namespace DhcpCluster.Hocon.Benchmarks;

/// <summary>Reads every subnet of a configuration through <see cref="BenchKeys"/>, as the DHCP module would.</summary>
internal static class SubnetReader
{
    public static long ReadEverySubnet(Config config)
    {
        var dhcp4 = config.GetConfig(BenchKeys.Dhcp4);
        long checksum = dhcp4.GetInt(BenchKeys.ValidLifetime) + dhcp4.GetStringList(BenchKeys.Interfaces).Count;
        foreach (var subnet in dhcp4.GetConfigList(BenchKeys.Subnet4))
        {
            checksum += subnet.GetInt(BenchKeys.SubnetId) + subnet.GetString(BenchKeys.Subnet).Length;
            checksum += subnet.HasPath(BenchKeys.SubnetValidLifetime) ? subnet.GetInt(BenchKeys.SubnetValidLifetime) : 0;
            foreach (var pool in subnet.GetConfigList(BenchKeys.Pools))
            {
                checksum += pool.GetString(BenchKeys.Pool).Length;
            }

            foreach (var option in subnet.GetConfigList(BenchKeys.OptionData))
            {
                checksum += option.GetString(BenchKeys.OptionName).Length + option.GetString(BenchKeys.OptionDataValue).Length;
                checksum += option.HasPath(BenchKeys.OptionCode) ? option.GetInt(BenchKeys.OptionCode) : 0;
            }

            foreach (var reservation in subnet.GetConfigList(BenchKeys.Reservations))
            {
                checksum += reservation.GetString(BenchKeys.ReservationAddress).Length;
            }
        }

        return checksum;
    }
}
