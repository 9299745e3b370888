using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;

namespace DhcpCluster.Cli.Palettes;

/// <summary>One pbm command: how it is typed, the endpoint command it sends, and how its answer is shown to people.</summary>
/// <param name="Palette">The palette (<c>dhcp</c>, <c>cluster</c>, <c>cluster-sharding</c>).</param>
/// <param name="Name">The command within the palette.</param>
/// <param name="Usage">Arguments as help shows them, e.g. <c>ADDR</c>.</param>
/// <param name="Description">One line for help.</param>
/// <param name="EndpointCommand">The endpoint command sent.</param>
/// <param name="Options">Options taking a value (without <c>--</c>).</param>
/// <param name="Arguments">Builds the command's arguments (throws <see cref="PbmUsageException"/> on bad input).</param>
/// <param name="Render">Writes a successful answer for people.</param>
/// <param name="EmptyIsAnswer">True when result 3 (nothing found) is an answer to show (an empty list), not an error.</param>
public sealed record PaletteCommand(
    string Palette,
    string Name,
    string Usage,
    string Description,
    string EndpointCommand,
    IReadOnlyList<string> Options,
    Func<PaletteInput, JsonObject?> Arguments,
    Action<CommandResponse, PaletteInput, TextWriter> Render,
    bool EmptyIsAnswer = false);
