namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// The option-data a pool or subnet sees once its scopes are merged (pool over subnet over shared network over
/// global, Kea's precedence), computed when the configuration is built so a reply finds each option in one step.
/// </summary>
public sealed class ScopeOptions
{
    private readonly OptionDataItem?[] byCode = new OptionDataItem?[256];

    /// <summary>Merges the scopes; later ones take precedence over earlier ones.</summary>
    public ScopeOptions(params OptionDataSet?[] scopesFromLowestPrecedence)
    {
        ArgumentNullException.ThrowIfNull(scopesFromLowestPrecedence);
        foreach (var scope in scopesFromLowestPrecedence)
        {
            if (scope is null)
            {
                continue;
            }

            foreach (var item in scope.Items)
            {
                byCode[item.Code] = item;
            }
        }

        var alwaysSend = new List<byte>();
        for (var code = 1; code < 255; code++)
        {
            if (byCode[code] is { AlwaysSend: true })
            {
                alwaysSend.Add((byte)code);
            }
        }

        AlwaysSendCodes = [.. alwaysSend];
    }

    /// <summary>The codes whose effective item is <c>always-send</c>, ascending.</summary>
    public byte[] AlwaysSendCodes { get; }

    /// <summary>The effective item for a code, or null.</summary>
    public OptionDataItem? Get(byte code) => byCode[code];
}
