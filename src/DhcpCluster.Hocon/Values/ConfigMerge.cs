using DhcpCluster.Hocon.Resolution;

namespace DhcpCluster.Hocon.Values;

/// <summary>The HOCON merge rule: an object merges into an object key by key; anything else replaces what it overrides.</summary>
internal static class ConfigMerge
{
    /// <summary>Merges <paramref name="winner"/> (written later, or the primary config) over <paramref name="fallback"/>.</summary>
    public static ConfigValue Merge(ConfigValue winner, ConfigValue fallback)
    {
        if (winner is ConfigObject winnerObject)
        {
            if (fallback is ConfigObject fallbackObject)
            {
                return MergeObjects(winnerObject, fallbackObject);
            }

            return fallback.IsResolved ? winner : Stack(winner, fallback);
        }

        return winner.IsResolved ? winner : Stack(winner, fallback);
    }

    public static ConfigObject MergeObjects(ConfigObject winner, ConfigObject fallback)
    {
        if (fallback.Count == 0)
        {
            return winner;
        }

        if (winner.Count == 0)
        {
            // Nothing of the winner's is left: the fallback's own origin tells more in messages.
            return fallback;
        }

        var fields = new FieldTable(fallback.FieldMap, winner.Count);
        foreach (var (key, value) in winner.FieldMap)
        {
            fields.Set(key, fields.TryGetValue(key, out var previous) ? Merge(value, previous) : value);
        }

        return new ConfigObject(fields, winner.Origin);
    }

    private static ConfigMergeStack Stack(ConfigValue winner, ConfigValue fallback) =>
        winner is ConfigMergeStack winnerStack ? winnerStack.Over(fallback) : new ConfigMergeStack(winner, fallback);
}
