namespace DhcpCluster.Hocon;

/// <summary>
/// Any configuration problem: a parse error, a bad include, an unresolved substitution, a missing key or a
/// type mismatch at a getter. The message always reads <c>file:line:col: full.key.path: problem</c>
/// (the path part is left out when the problem is not about a key).
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception without position (prefer the constructors taking an origin).</summary>
    public ConfigException()
        : this(ConfigOrigin.None, string.Empty, "configuration error")
    {
    }

    /// <summary>Creates an exception without position (prefer the constructors taking an origin).</summary>
    public ConfigException(string message)
        : this(ConfigOrigin.None, string.Empty, message)
    {
    }

    /// <summary>Creates an exception without position (prefer the constructors taking an origin).</summary>
    public ConfigException(string message, Exception innerException)
        : this(ConfigOrigin.None, string.Empty, message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at <paramref name="origin"/> concerning <paramref name="path"/>.</summary>
    public ConfigException(ConfigOrigin origin, string path, string problem)
        : base(Format(origin, path, problem))
    {
        Origin = origin;
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ConfigException(ConfigOrigin origin, string path, string problem, Exception innerException)
        : base(Format(origin, path, problem), innerException)
    {
        Origin = origin;
        Path = path;
        Problem = problem;
    }

    /// <summary>The position the problem refers to.</summary>
    public ConfigOrigin Origin { get; }

    /// <summary>The file (or origin name) the problem is in.</summary>
    public string File => Origin.File;

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line => Origin.Line;

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column => Origin.Column;

    /// <summary>The full key path concerned, empty when the problem is not about a key.</summary>
    public string Path { get; }

    /// <summary>The problem alone, without position and path.</summary>
    public string Problem { get; }

    private static string Format(ConfigOrigin origin, string path, string problem) =>
        string.IsNullOrEmpty(path) ? $"{origin}: {problem}" : $"{origin}: {path}: {problem}";
}
