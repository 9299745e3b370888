using System.Text;
using DhcpCluster.Logging.Patterns;

namespace DhcpCluster.Logging.Outputs;

/// <summary>Where a logger's lines go (one of Kea's <c>output_options</c>); writes are serialized per output.</summary>
public abstract class LogOutput : IDisposable
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>An output rendering lines with <paramref name="pattern"/>.</summary>
    protected LogOutput(LogPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
    }

    /// <summary>The pattern lines are rendered with.</summary>
    public LogPattern Pattern { get; }

    /// <summary>Writes one line.</summary>
    public void Write(in LogLine line)
    {
        var builder = t_builder ??= new StringBuilder(256);
        builder.Clear();
        Pattern.Render(line, builder);
        WriteRendered(line, builder);
        if (builder.Capacity > 16 * 1024)
        {
            t_builder = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a rendered line.</summary>
    protected abstract void WriteRendered(in LogLine line, StringBuilder rendered);

    /// <summary>Releases the output's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
