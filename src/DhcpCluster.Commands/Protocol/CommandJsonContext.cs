using System.Text.Json.Serialization;
using DhcpCluster.Commands.Leases;

namespace DhcpCluster.Commands.Protocol;

/// <summary>Source-generated JSON (de)serialization of the endpoint's shapes (no reflection).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.General, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(CommandResponse[]))]
[JsonSerializable(typeof(Lease4))]
[JsonSerializable(typeof(Lease4List))]
[JsonSerializable(typeof(string[]))]
public sealed partial class CommandJsonContext : JsonSerializerContext;
