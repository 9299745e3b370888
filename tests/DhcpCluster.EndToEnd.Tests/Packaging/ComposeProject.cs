using System.Text.Json;
using DhcpCluster.Lab.Packaging;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// The compose file as docker-compose resolves it (<c>docker-compose config</c>: defaults, interpolation,
/// normal forms), read through python3's yaml module (a dependency of the docker-compose package).
/// </summary>
internal sealed class ComposeProject
{
    private ComposeProject(IReadOnlyDictionary<string, ComposeService> services, IReadOnlyDictionary<string, ComposeNetwork> networks, IReadOnlySet<string> volumes)
    {
        Services = services;
        Networks = networks;
        NamedVolumes = volumes;
    }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public IReadOnlyDictionary<string, ComposeNetwork> Networks { get; }

    public IReadOnlySet<string> NamedVolumes { get; }

    /// <summary>Runs <c>docker-compose config -q</c> (throws with its output unless valid), then reads <c>docker-compose config</c>.</summary>
    public static async Task<ComposeProject> LoadAsync(string composeFile, string scratchDirectory)
    {
        var projectDirectory = Path.GetDirectoryName(composeFile)!;
        string[] common = ["-f", composeFile, "--project-directory", projectDirectory];
        (await Command.RunAsync("docker-compose", [.. common, "config", "-q"]).ConfigureAwait(false)).EnsureSuccess();
        var resolved = (await Command.RunAsync("docker-compose", [.. common, "config"]).ConfigureAwait(false)).EnsureSuccess();
        var yamlFile = Path.Combine(scratchDirectory, "compose-resolved.yml");
        await File.WriteAllTextAsync(yamlFile, resolved.StandardOutput).ConfigureAwait(false);
        var json = (await Command.RunAsync(
            "/usr/bin/python3",
            "-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", yamlFile).ConfigureAwait(false)).EnsureSuccess();
        using var document = JsonDocument.Parse(json.StandardOutput);
        return Read(document.RootElement);
    }

    private static ComposeProject Read(JsonElement root)
    {
        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        foreach (var service in root.GetProperty("services").EnumerateObject())
        {
            var s = service.Value;
            services[service.Name] = new ComposeService(
                service.Name,
                Strings(s, "command"),
                s.TryGetProperty("environment", out var environment)
                    ? environment.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal),
                Text(s, "user"),
                Capabilities.Set(Strings(s, "cap_add")),
                Capabilities.Set(Strings(s, "cap_drop")),
                Volumes(s),
                s.TryGetProperty("networks", out var networks) && networks.ValueKind == JsonValueKind.Object
                    ? networks.EnumerateObject().ToDictionary(
                        n => n.Name,
                        n => n.Value.ValueKind == JsonValueKind.Object ? Text(n.Value, "ipv4_address") : null,
                        StringComparer.Ordinal)
                    : new Dictionary<string, string?>(StringComparer.Ordinal),
                Text(s, "network_mode"),
                s.TryGetProperty("build", out var build) && build.ValueKind == JsonValueKind.Object ? Text(build, "dockerfile") : null,
                Strings(s, "security_opt").Any(o => o.Replace('=', ':').StartsWith("no-new-privileges:true", StringComparison.Ordinal)));
        }

        var networksByName = new Dictionary<string, ComposeNetwork>(StringComparer.Ordinal);
        if (root.TryGetProperty("networks", out var declared))
        {
            foreach (var network in declared.EnumerateObject())
            {
                string? subnet = null;
                if (network.Value.TryGetProperty("ipam", out var ipam) && ipam.TryGetProperty("config", out var config))
                {
                    subnet = config.EnumerateArray().Select(c => Text(c, "subnet")).FirstOrDefault(t => t is not null);
                }

                networksByName[network.Name] = new ComposeNetwork(network.Name, Text(network.Value, "driver"), subnet);
            }
        }

        var volumes = root.TryGetProperty("volumes", out var named)
            ? new HashSet<string>(named.EnumerateObject().Select(v => v.Name), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new ComposeProject(services, networksByName, volumes);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static List<string> Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.ToString())],
            JsonValueKind.String => [.. value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            _ => throw new InvalidOperationException($"compose key {name} is neither a list nor a string: {value}"),
        };
    }

    private static List<(string Source, string Target)> Volumes(JsonElement service)
    {
        var list = new List<(string, string)>();
        if (!service.TryGetProperty("volumes", out var volumes))
        {
            return list;
        }

        foreach (var volume in volumes.EnumerateArray())
        {
            if (volume.ValueKind == JsonValueKind.String)
            {
                var parts = volume.GetString()!.Split(':');
                list.Add((parts[0], parts[1]));
            }
            else
            {
                list.Add((Text(volume, "source") ?? string.Empty, Text(volume, "target")!));
            }
        }

        return list;
    }
}
