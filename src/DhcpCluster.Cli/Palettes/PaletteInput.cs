namespace DhcpCluster.Cli.Palettes;

/// <summary>What the operator typed after the palette and command: positional arguments and options.</summary>
/// <param name="Positional">Arguments that are not options.</param>
/// <param name="Options">Options with their values (<c>--subnet 1</c> → <c>subnet</c> = <c>1</c>).</param>
public sealed record PaletteInput(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options);
