using System.Text.Json.Nodes;
using DhcpCluster.Cli.Endpoint;
using DhcpCluster.Cli.Palettes;
using DhcpCluster.Commands.Protocol;

namespace DhcpCluster.Cli;

/// <summary>
/// <c>pbm [HOST:PORT] PALETTE COMMAND [ARGS] [--json]</c>: parses the command line, sends the command to the node's
/// endpoint and prints the answer (a table for people, the response JSON with <c>--json</c>). Errors are one line on
/// standard error with a non-zero exit (<see cref="PbmExitCode"/>).
/// </summary>
public static class PbmCommandLine
{
    /// <summary>Every palette command pbm knows.</summary>
    public static IReadOnlyList<PaletteCommand> Commands { get; } = [.. DhcpPalette.Commands, .. ClusterPalettes.Commands];

    /// <summary>Runs pbm.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var json = args.Contains("--json", StringComparer.Ordinal);
        var words = args.Where(a => !string.Equals(a, "--json", StringComparison.Ordinal)).ToList();
        var address = EndpointAddress.Default;
        if (words.Count > 0 && !IsPalette(words[0]) && !IsHelp(words[0]))
        {
            if (!EndpointAddress.TryParse(words[0], out address))
            {
                return Fail(error, PbmExitCode.Usage, $"'{words[0]}' is neither a palette ({string.Join(", ", Palettes)}) nor HOST:PORT; see 'pbm help'");
            }

            words.RemoveAt(0);
        }

        if (words.Count == 0 || IsHelp(words[0]))
        {
            WriteHelp(output);
            return words.Count == 0 ? PbmExitCode.Usage : PbmExitCode.Success;
        }

        if (!IsPalette(words[0]))
        {
            return Fail(error, PbmExitCode.Usage, $"unknown palette '{words[0]}' (palettes: {string.Join(", ", Palettes)}); see 'pbm help'");
        }

        if (words.Count < 2)
        {
            return Fail(error, PbmExitCode.Usage, $"{words[0]}: missing command ({string.Join(", ", Commands.Where(c => string.Equals(c.Palette, words[0], StringComparison.Ordinal)).Select(c => c.Name))})");
        }

        var command = Commands.FirstOrDefault(c => string.Equals(c.Palette, words[0], StringComparison.Ordinal) && string.Equals(c.Name, words[1], StringComparison.Ordinal));
        return command is null
            ? Fail(error, PbmExitCode.Usage, $"unknown command '{words[0]} {words[1]}'; see 'pbm help'")
            : await SendAsync(command, words.Skip(2).ToList(), address, json, output, error, timeout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> SendAsync(PaletteCommand command, List<string> words, EndpointAddress address, bool json, TextWriter output, TextWriter error, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        PaletteInput input;
        JsonObject? arguments;
        try
        {
            input = ParseInput(command, words);
            arguments = command.Arguments(input);
        }
        catch (PbmUsageException e)
        {
            return Fail(error, PbmExitCode.Usage, $"{command.Palette} {command.Name}: {e.Message}");
        }

        EndpointClient.Reply reply;
        using (var client = new EndpointClient(address, timeout ?? TimeSpan.FromSeconds(30)))
        {
            try
            {
                reply = await client.SendAsync(command.EndpointCommand, arguments, cancellationToken).ConfigureAwait(false);
            }
            catch (EndpointUnreachableException e)
            {
                return Fail(error, PbmExitCode.Unreachable, e.Message);
            }
        }

        return Show(command, input, reply, json, output, error);
    }

    private static int Show(PaletteCommand command, PaletteInput input, EndpointClient.Reply reply, bool json, TextWriter output, TextWriter error)
    {
        var response = reply.Response;
        var answered = response.Result == CommandResultCode.Success || (response.Result == CommandResultCode.Empty && command.EmptyIsAnswer);
        if (json)
        {
            output.WriteLine(reply.Body);
            return answered ? PbmExitCode.Success : (int)response.Result;
        }

        if (answered)
        {
            command.Render(response, input, output);
            return PbmExitCode.Success;
        }

        var what = $"{command.Palette} {command.Name}";
        return response.Result switch
        {
            CommandResultCode.Unsupported => Fail(error, PbmExitCode.Unsupported, $"{what}: not available on this node ({response.Text})"),
            CommandResultCode.Empty => Fail(error, PbmExitCode.NotFound, $"{what}: {response.Text ?? "not found"}"),
            _ => Fail(error, (int)response.Result, $"{what}: {response.Text ?? "failed"}"),
        };
    }

    private static PaletteInput ParseInput(PaletteCommand command, List<string> words)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }

            var name = word[2..];
            if (!command.Options.Contains(name, StringComparer.Ordinal))
            {
                throw new PbmUsageException($"unknown option '{word}'");
            }

            if (i + 1 >= words.Count)
            {
                throw new PbmUsageException($"option '{word}' needs a value");
            }

            options[name] = words[++i];
        }

        return new PaletteInput(positional, options);
    }

    private static IEnumerable<string> Palettes => Commands.Select(c => c.Palette).Distinct(StringComparer.Ordinal);

    private static bool IsPalette(string word) => Palettes.Contains(word, StringComparer.Ordinal);

    private static bool IsHelp(string word) => word is "help" or "--help" or "-h";

    private static int Fail(TextWriter error, int code, string message)
    {
        error.WriteLine("pbm: " + message);
        return code;
    }

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("usage: pbm [HOST:PORT] PALETTE COMMAND [ARGS] [--json]");
        output.WriteLine($"  HOST:PORT  the node's command endpoint (default {EndpointAddress.Default})");
        output.WriteLine("  --json     print the node's JSON response (Kea's list-wrapped form) instead of a table");
        foreach (var palette in Palettes)
        {
            output.WriteLine();
            output.WriteLine($"palette {palette}:");
            var commands = Commands.Where(c => string.Equals(c.Palette, palette, StringComparison.Ordinal)).ToList();
            var width = commands.Max(c => (c.Name + " " + c.Usage).TrimEnd().Length);
            foreach (var c in commands)
            {
                output.WriteLine($"  {(c.Name + " " + c.Usage).TrimEnd().PadRight(width)}  {c.Description}");
            }
        }

        output.WriteLine();
        output.WriteLine("exit codes: 0 ok, 1 error, 2 not available on this node, 3 not found, 4 conflict, 64 usage, 69 node unreachable");
    }
}
