namespace DhcpCluster.Actors.Persistence.ReadModels;

/// <summary>Column types a read-model table may use, and the CLR value each takes.</summary>
public enum ReadModelColumnType
{
    /// <summary>64-bit integer (<see cref="long"/>).</summary>
    Integer,

    /// <summary>Text (<see cref="string"/>).</summary>
    Text,

    /// <summary>Bytes (<see cref="T:byte[]"/>).</summary>
    Blob,

    /// <summary>Double precision (<see cref="double"/>).</summary>
    Real,
}
