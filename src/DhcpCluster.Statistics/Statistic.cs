using System.Runtime.InteropServices;

namespace DhcpCluster.Statistics;

/// <summary>
/// One named integer statistic (a counter such as <c>pkt4-received</c> or a gauge such as
/// <c>subnet[1].assigned-addresses</c>). Updates are single interlocked operations on a value padded to its own cache
/// line, cheap enough for the packet path: obtain the instance once from <see cref="StatisticsRegistry"/> and keep it.
/// </summary>
public sealed class Statistic
{
    private PaddedValue _value;

    internal Statistic(string name) => Name = name;

    /// <summary>The statistic's name.</summary>
    public string Name { get; }

    /// <summary>The current value.</summary>
    public long Value => Volatile.Read(ref _value.Value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _value.Value);

    /// <summary>Subtracts one (gauges).</summary>
    public void Decrement() => Interlocked.Decrement(ref _value.Value);

    /// <summary>Adds an amount (negative to subtract).</summary>
    public void Add(long amount) => Interlocked.Add(ref _value.Value, amount);

    /// <summary>Sets the value (gauges such as <c>subnet[ID].total-addresses</c>).</summary>
    public void Set(long value) => Volatile.Write(ref _value.Value, value);

    /// <summary>Sets the value back to zero (<c>statistic-reset</c>).</summary>
    public void Reset() => Set(0);

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedValue
    {
        [FieldOffset(64)]
        public long Value;
    }
}
