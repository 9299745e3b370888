using System.Globalization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Server.Configuration;

internal sealed partial class Dhcp4Binder
{
    /// <summary>Patterns of the objects that hold declared keys (<c>Dhcp4.interfaces-config</c>, <c>Dhcp4.subnet4[].relay</c>...).</summary>
    private static readonly HashSet<string> Containers = BuildContainers();

    private static HashSet<string> BuildContainers()
    {
        var containers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Dhcp4KeySets.All.Keys)
        {
            for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
            {
                containers.Add(path[..dot]);
            }
        }

        return containers;
    }

    /// <summary>
    /// Every key of the Dhcp4 object that no declared key reads: a Kea key name is a warning (not supported yet), any
    /// other an error (unknown key); Kea's <c>comment</c> and <c>user-context</c> are accepted anywhere. So that
    /// binding alone (at node start) never ignores a key silently.
    /// </summary>
    private void CheckUnreadKeys(Config dhcp4) => CheckObject(dhcp4.Root, Dhcp4Root, Dhcp4Root);

    private void CheckObject(ConfigObject obj, string pattern, string position)
    {
        foreach (var (name, value) in obj.Fields)
        {
            if (name is "comment" or "user-context")
            {
                continue;
            }

            var childPattern = pattern + "." + name;
            var childPosition = position + "." + name;
            if (Dhcp4KeySets.All.TryGetValue(childPattern, out var key))
            {
                if (key.Type == ConfigValueType.ObjectList && value is ConfigArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list.Items[i] is ConfigObject element)
                        {
                            CheckObject(element, childPattern + "[]", string.Create(CultureInfo.InvariantCulture, $"{childPosition}[{i}]"));
                        }
                    }
                }

                continue;
            }

            if (Containers.Contains(childPattern))
            {
                if (value is ConfigObject inner)
                {
                    CheckObject(inner, childPattern, childPosition);
                }
                else
                {
                    reader.Add(new ConfigurationProblem(ConfigurationProblemSeverity.Error, value.Origin, childPosition, $"expected an object, found {value.Describe()}"));
                }

                continue;
            }

            var known = KeaKeyNames.IsKeaKey(name);
            reader.Add(new ConfigurationProblem(
                known ? ConfigurationProblemSeverity.Warning : ConfigurationProblemSeverity.Error,
                value.Origin,
                childPosition,
                known ? KeaKeyNames.NotSupportedYet : KeaKeyNames.UnknownKey));
        }
    }
}
