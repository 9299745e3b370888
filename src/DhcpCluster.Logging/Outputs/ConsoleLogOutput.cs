using System.Text;
using DhcpCluster.Logging.Patterns;

namespace DhcpCluster.Logging.Outputs;

/// <summary>Kea's <c>stdout</c> and <c>stderr</c> outputs.</summary>
public sealed class ConsoleLogOutput : LogOutput
{
    private readonly TextWriter _writer;
    private readonly bool _flush;
    private readonly Lock _gate = new();

    /// <summary>An output to <paramref name="writer"/>.</summary>
    public ConsoleLogOutput(TextWriter writer, LogPattern pattern, bool flush)
        : base(pattern)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _flush = flush;
    }

    /// <inheritdoc />
    protected override void WriteRendered(in LogLine line, StringBuilder rendered)
    {
        lock (_gate)
        {
            _writer.Write(rendered);
            if (_flush)
            {
                _writer.Flush();
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _writer.Flush();
        }
    }
}
