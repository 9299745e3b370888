namespace DhcpCluster.Dhcp.Classification;

/// <summary>
/// Reusable state for evaluating test expressions against one packet: the packet, the classes it is already a
/// member of, and a scratch buffer for strings that expressions build (<c>concat</c>, <c>pkt4.*</c>). One context
/// per packet-processing owner; <see cref="Reset"/> it for every packet, so evaluation allocates nothing.
/// </summary>
public sealed class EvaluationContext
{
    private byte[] scratch;
    private int used;
    private bool[] members;

    /// <summary>Creates a context for a catalog of <paramref name="classCount"/> classes.</summary>
    public EvaluationContext(int classCount, int scratchBytes = 2048)
    {
        members = new bool[Math.Max(classCount, 1)];
        scratch = new byte[scratchBytes];
    }

    /// <summary>The packet being classified.</summary>
    public IClassificationInput Input { get; private set; } = NoInput.Instance;

    /// <summary>Whether a host reservation was found for the client (Kea's <c>KNOWN</c>).</summary>
    public bool Known { get; set; }

    /// <summary>Prepares the context for a new packet.</summary>
    public void Reset(IClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        Known = false;
        used = 0;
        Array.Clear(members);
    }

    /// <summary>Whether the packet is a member of the class with the given catalog index.</summary>
    public bool IsMember(int classIndex) => classIndex < members.Length && members[classIndex];

    /// <summary>Marks membership of the class with the given catalog index.</summary>
    public void SetMember(int classIndex, bool member = true)
    {
        if (classIndex >= members.Length)
        {
            Array.Resize(ref members, classIndex + 1);
        }

        members[classIndex] = member;
    }

    /// <summary>Takes <paramref name="length"/> bytes of scratch space valid until the next <see cref="Reset"/>.</summary>
    public Span<byte> Take(int length)
    {
        if (used + length > scratch.Length)
        {
            // Spans handed out earlier keep pointing into the old buffer, which stays alive while they are used.
            scratch = new byte[Math.Max(scratch.Length * 2, length * 2)];
            used = 0;
        }

        var span = scratch.AsSpan(used, length);
        used += length;
        return span;
    }

    private sealed class NoInput : IClassificationInput
    {
        public static readonly NoInput Instance = new();

        public byte HardwareType => 0;

        public ReadOnlySpan<byte> ClientHardwareAddress => [];

        public Ipv4Address ClientAddress => default;

        public Ipv4Address YourAddress => default;

        public Ipv4Address ServerAddress => default;

        public Ipv4Address RelayAddress => default;

        public byte MessageType => 0;

        public uint TransactionId => 0;

        public bool TryGetOption(byte code, out ReadOnlySpan<byte> value)
        {
            value = default;
            return false;
        }

        public bool TryGetRelayAgentSubOption(byte code, out ReadOnlySpan<byte> value)
        {
            value = default;
            return false;
        }
    }
}
