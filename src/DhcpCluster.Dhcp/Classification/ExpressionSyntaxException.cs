namespace DhcpCluster.Dhcp.Classification;

/// <summary>A client-class <c>test</c> expression that does not parse or does not type-check.</summary>
public sealed class ExpressionSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ExpressionSyntaxException(string expression, int position, string problem)
        : base($"expression '{expression}': at position {position + 1}: {problem}")
    {
        Expression = expression;
        Position = position;
        Problem = problem;
    }

    /// <summary>Creates the exception without position.</summary>
    public ExpressionSyntaxException()
        : this(string.Empty, 0, "invalid expression")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ExpressionSyntaxException(string message)
        : this(string.Empty, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expression = string.Empty;
        Problem = message;
    }

    /// <summary>The expression text.</summary>
    public string Expression { get; } = string.Empty;

    /// <summary>Zero-based character offset of the problem.</summary>
    public int Position { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string Problem { get; } = string.Empty;
}
