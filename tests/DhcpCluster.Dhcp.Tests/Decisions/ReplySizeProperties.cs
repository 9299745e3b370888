using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>FsCheck: a reply never exceeds the client's maximum message size (RFC 2132 §9.10) and keeps 53, 54, 51.</summary>
public class ReplySizeProperties
{
    [Fact]
    public void Reply_never_exceeds_the_clients_maximum_message_size()
    {
        var option = from code in Gen.Choose(128, 254)
                     from length in Gen.Choose(1, 700)
                     select (Code: (byte)code, Length: length);
        var input = from options in Gen.Choose(0, 12).SelectMany(n => option.ArrayOf(n))
                    from maxSize in Gen.Choose(0, 1600)
                    from askAll in Gen.Elements(true, false)
                    from bootFile in Gen.Elements(true, false)
                    select (options, maxSize, askAll, bootFile);
        PropertyCheck.ForAll(input, Holds, maxTest: 200);
    }

    private static bool Holds(((byte Code, int Length)[] Options, int MaxSize, bool AskAll, bool BootFile) input)
    {
        var s = Scenario.Simple(o =>
        {
            foreach (var (code, length) in input.Options)
            {
                o.SubnetOptions.Add(new OptionDataItem(code, Enumerable.Repeat((byte)code, length).ToArray(), AlwaysSend: !input.AskAll));
            }

            o.BootFileName = input.BootFile ? "boot/grub/x86_64-efi/core.efi" : null;
        });
        var discover = ClientMessage.Discover(ClientMessage.MacOf(1)).WithClientId(1, 2, 3).WithMaxSize((ushort)input.MaxSize);
        if (input.AskAll)
        {
            discover.WithPrl([.. input.Options.Select(o => o.Code).Distinct(), 1, 3, 58, 59]);
        }

        var r = s.Run(discover);
        var limit = Math.Max(input.MaxSize, 576) - 28;
        return r.Length <= limit
            && r.Packet is { } reply
            && reply.HasOption(53) && reply.HasOption(54) && reply.HasOption(51) && reply.HasOption(61);
    }
}
