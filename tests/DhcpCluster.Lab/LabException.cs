namespace DhcpCluster.Lab;

/// <summary>A lab could not be built, or something in it did not behave as required.</summary>
public sealed class LabException : Exception
{
    public LabException()
    {
    }

    public LabException(string message)
        : base(message)
    {
    }

    public LabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
