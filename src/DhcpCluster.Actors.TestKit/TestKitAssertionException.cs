namespace DhcpCluster.Actors.Testing;

/// <summary>A TestKit expectation failed (a message did not arrive, arrived unexpectedly, or did not match).</summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException() { }

    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message, Exception? innerException) : base(message, innerException) { }
}
