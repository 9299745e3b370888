using System.Buffers;
using System.Globalization;
using System.Text;
using DhcpCluster.Logging.Patterns;

namespace DhcpCluster.Logging.Outputs;

/// <summary>
/// Kea's file output with rotation: before a line would take the file past <c>maxsize</c> bytes, <c>FILE</c> becomes
/// <c>FILE.1</c>, <c>FILE.1</c> becomes <c>FILE.2</c> ... up to <c>FILE.maxver</c> (the oldest is dropped), and a new
/// <c>FILE</c> starts. <c>maxsize</c> 0 never rotates; <c>maxver</c> 0 truncates instead of keeping old versions.
/// </summary>
public sealed class FileLogOutput : LogOutput
{
    private readonly string _path;
    private readonly long _maxSize;
    private readonly int _maxVersions;
    private readonly bool _flush;
    private readonly Lock _gate = new();
    private FileStream _stream;
    private long _length;

    [ThreadStatic]
    private static Encoder? t_encoder;

    /// <summary>Opens (appends to) the file, creating its directory.</summary>
    public FileLogOutput(string path, long maxSize, int maxVersions, bool flush, LogPattern pattern)
        : base(pattern)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        ArgumentOutOfRangeException.ThrowIfNegative(maxVersions);
        _path = Path.GetFullPath(path);
        _maxSize = maxSize;
        _maxVersions = maxVersions;
        _flush = flush;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _stream = Open();
    }

    /// <summary>The file's full path.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    protected override void WriteRendered(in LogLine line, StringBuilder rendered)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(rendered.Length));
        try
        {
            // A stateful encoder: a surrogate pair may straddle two chunks.
            var encoder = t_encoder ??= Encoding.UTF8.GetEncoder();
            var length = 0;
            foreach (var chunk in rendered.GetChunks())
            {
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            }

            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);

            lock (_gate)
            {
                if (_maxSize > 0 && _length > 0 && _length + length > _maxSize)
                {
                    Rotate();
                }

                _stream.Write(buffer, 0, length);
                _length += length;
                if (_flush)
                {
                    _stream.Flush();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }

    private void Rotate()
    {
        _stream.Dispose();
        if (_maxVersions == 0)
        {
            _stream = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read);
            _length = 0;
            return;
        }

        File.Delete(Version(_maxVersions));
        for (var version = _maxVersions - 1; version >= 1; version--)
        {
            if (File.Exists(Version(version)))
            {
                File.Move(Version(version), Version(version + 1));
            }
        }

        File.Move(_path, Version(1));
        _stream = Open();
    }

    private string Version(int version) => _path + "." + version.ToString(CultureInfo.InvariantCulture);

    private FileStream Open()
    {
        var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _length = stream.Length;
        return stream;
    }
}
