using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DhcpCluster.Dhcp.Classification;

/// <summary>
/// A node of a parsed Kea <c>test</c> expression. Boolean nodes answer <see cref="EvaluateBoolean"/>, string nodes
/// <see cref="EvaluateString"/> (Kea's strings are byte strings). <see cref="ToString"/> prints the canonical form.
/// </summary>
public abstract class ExpressionNode
{
    private static readonly byte[] TrueText = "true"u8.ToArray();
    private static readonly byte[] FalseText = "false"u8.ToArray();

    private protected ExpressionNode(int position) => Position = position;

    /// <summary>Zero-based offset of the node in the expression text.</summary>
    public int Position { get; }

    /// <summary>Whether the node is boolean (else it is a string).</summary>
    public abstract bool IsBoolean { get; }

    /// <summary>Evaluates a boolean node.</summary>
    public virtual bool EvaluateBoolean(EvaluationContext context) =>
        throw new InvalidOperationException($"{this} is not a boolean expression");

    /// <summary>Evaluates a string node; a boolean node yields Kea's <c>'true'</c>/<c>'false'</c>.</summary>
    public virtual ReadOnlySpan<byte> EvaluateString(EvaluationContext context) =>
        EvaluateBoolean(context) ? TrueText : FalseText;

    /// <summary>Child nodes, for tree walks (e.g. dependency analysis).</summary>
    public virtual IEnumerable<ExpressionNode> Children => [];

    private static string Quote(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7e or (byte)'\'')
            {
                return "0x" + Convert.ToHexString(bytes);
            }
        }

        return "'" + Encoding.ASCII.GetString(bytes) + "'";
    }

    /// <summary>A string literal (<c>'text'</c>, <c>0x0a0b</c> or an IPv4 address literal).</summary>
    public sealed class Literal(int position, byte[] value) : ExpressionNode(position)
    {
        /// <summary>The literal's bytes.</summary>
        public ReadOnlyMemory<byte> Value { get; } = value;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context) => Value.Span;

        /// <inheritdoc/>
        public override string ToString() => Quote(Value.Span);
    }

    /// <summary><c>option[N].hex</c>, <c>option[N].text</c> (the option's bytes, empty when absent) or <c>option[N].exists</c>.</summary>
    public sealed class OptionValue(int position, byte code, OptionRepresentation representation) : ExpressionNode(position)
    {
        /// <summary>The option code.</summary>
        public byte Code { get; } = code;

        /// <summary>Which view of the option is taken.</summary>
        public OptionRepresentation Representation { get; } = representation;

        /// <inheritdoc/>
        public override bool IsBoolean => Representation == OptionRepresentation.Exists;

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return IsBoolean ? context.Input.TryGetOption(Code, out _) : base.EvaluateBoolean(context);
        }

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (IsBoolean)
            {
                return base.EvaluateString(context);
            }

            return context.Input.TryGetOption(Code, out var value) ? value : [];
        }

        /// <inheritdoc/>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"option[{Code}].{Suffix(Representation)}");
    }

    /// <summary><c>relay4[N].hex</c>, <c>.text</c> or <c>.exists</c>: a sub-option of relay agent information (82).</summary>
    public sealed class RelayValue(int position, byte code, OptionRepresentation representation) : ExpressionNode(position)
    {
        /// <summary>The sub-option code.</summary>
        public byte Code { get; } = code;

        /// <summary>Which view of the sub-option is taken.</summary>
        public OptionRepresentation Representation { get; } = representation;

        /// <inheritdoc/>
        public override bool IsBoolean => Representation == OptionRepresentation.Exists;

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return IsBoolean ? context.Input.TryGetRelayAgentSubOption(Code, out _) : base.EvaluateBoolean(context);
        }

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (IsBoolean)
            {
                return base.EvaluateString(context);
            }

            return context.Input.TryGetRelayAgentSubOption(Code, out var value) ? value : [];
        }

        /// <inheritdoc/>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"relay4[{Code}].{Suffix(Representation)}");
    }

    /// <summary><c>pkt4.mac</c>, <c>pkt4.giaddr</c> and the other fixed-header fields.</summary>
    public sealed class PacketField(int position, Pkt4Field field) : ExpressionNode(position)
    {
        /// <summary>The field.</summary>
        public Pkt4Field Field { get; } = field;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var input = context.Input;
            switch (Field)
            {
                case Pkt4Field.Mac:
                    return input.ClientHardwareAddress;
                case Pkt4Field.HardwareLength:
                    return Integer(context, (uint)input.ClientHardwareAddress.Length);
                case Pkt4Field.HardwareType:
                    return Integer(context, input.HardwareType);
                case Pkt4Field.MessageType:
                    return Integer(context, input.MessageType);
                case Pkt4Field.TransactionId:
                    return Integer(context, input.TransactionId);
                default:
                    var address = Field switch
                    {
                        Pkt4Field.ClientAddress => input.ClientAddress,
                        Pkt4Field.YourAddress => input.YourAddress,
                        Pkt4Field.ServerAddress => input.ServerAddress,
                        _ => input.RelayAddress,
                    };
                    var span = context.Take(4);
                    address.WriteTo(span);
                    return span;
            }

            static ReadOnlySpan<byte> Integer(EvaluationContext context, uint value)
            {
                var span = context.Take(4);
                BinaryPrimitives.WriteUInt32BigEndian(span, value);
                return span;
            }
        }

        /// <inheritdoc/>
        public override string ToString() => "pkt4." + Field switch
        {
            Pkt4Field.Mac => "mac",
            Pkt4Field.HardwareLength => "hlen",
            Pkt4Field.HardwareType => "htype",
            Pkt4Field.ClientAddress => "ciaddr",
            Pkt4Field.YourAddress => "yiaddr",
            Pkt4Field.ServerAddress => "siaddr",
            Pkt4Field.RelayAddress => "giaddr",
            Pkt4Field.MessageType => "msgtype",
            _ => "transid",
        };
    }

    /// <summary><c>substring(s, start, length)</c> with Kea's rules for negative positions and <c>'all'</c>.</summary>
    public sealed class Substring(int position, ExpressionNode source, int start, int? length) : ExpressionNode(position)
    {
        /// <summary>The string taken from.</summary>
        public ExpressionNode Source { get; } = source;

        /// <summary>The start; negative counts from the end.</summary>
        public int Start { get; } = start;

        /// <summary>The length; negative takes the bytes before <see cref="Start"/>; null is <c>'all'</c>.</summary>
        public int? Length { get; } = length;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Source];

        /// <summary>Applies Kea's substring rules to a byte string.</summary>
        public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> value, int start, int? length)
        {
            var size = value.Length;
            var from = start < 0 ? size + start : start;
            if (from < 0 || from >= size)
            {
                return [];
            }

            if (length is not { } count)
            {
                return value[from..];
            }

            if (count < 0)
            {
                count = -count;
                if (count <= from)
                {
                    from -= count;
                }
                else
                {
                    count = from;
                    from = 0;
                }
            }

            return value.Slice(from, Math.Min(count, size - from));
        }

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context) =>
            Slice(Source.EvaluateString(context), Start, Length);

        /// <inheritdoc/>
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"substring({Source}, {Start}, {(Length is { } l ? l.ToString(CultureInfo.InvariantCulture) : "'all'")})");
    }

    /// <summary><c>concat(a, b)</c>.</summary>
    public sealed class Concat(int position, ExpressionNode left, ExpressionNode right) : ExpressionNode(position)
    {
        /// <summary>The first part.</summary>
        public ExpressionNode Left { get; } = left;

        /// <summary>The second part.</summary>
        public ExpressionNode Right { get; } = right;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Left, Right];

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var a = Left.EvaluateString(context);
            var b = Right.EvaluateString(context);
            var result = context.Take(a.Length + b.Length);
            a.CopyTo(result);
            b.CopyTo(result[a.Length..]);
            return result;
        }

        /// <inheritdoc/>
        public override string ToString() => $"concat({Left}, {Right})";
    }

    /// <summary><c>hexstring(s, separator)</c>: lower-case hexadecimal text of a byte string.</summary>
    public sealed class HexString(int position, ExpressionNode source, ExpressionNode separator) : ExpressionNode(position)
    {
        /// <summary>The bytes to print.</summary>
        public ExpressionNode Source { get; } = source;

        /// <summary>The separator string.</summary>
        public ExpressionNode Separator { get; } = separator;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Source, Separator];

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var bytes = Source.EvaluateString(context);
            var between = Separator.EvaluateString(context);
            if (bytes.IsEmpty)
            {
                return [];
            }

            var result = context.Take((bytes.Length * 2) + ((bytes.Length - 1) * between.Length));
            var at = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    between.CopyTo(result[at..]);
                    at += between.Length;
                }

                result[at++] = (byte)"0123456789abcdef"[bytes[i] >> 4];
                result[at++] = (byte)"0123456789abcdef"[bytes[i] & 15];
            }

            return result;
        }

        /// <inheritdoc/>
        public override string ToString() => $"hexstring({Source}, {Separator})";
    }

    /// <summary><c>ifelse(condition, then, else)</c>.</summary>
    public sealed class IfElse(int position, ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse) : ExpressionNode(position)
    {
        /// <summary>The boolean condition.</summary>
        public ExpressionNode Condition { get; } = condition;

        /// <summary>The value when true.</summary>
        public ExpressionNode WhenTrue { get; } = whenTrue;

        /// <summary>The value when false.</summary>
        public ExpressionNode WhenFalse { get; } = whenFalse;

        /// <inheritdoc/>
        public override bool IsBoolean => false;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Condition, WhenTrue, WhenFalse];

        /// <inheritdoc/>
        public override ReadOnlySpan<byte> EvaluateString(EvaluationContext context) =>
            Condition.EvaluateBoolean(context) ? WhenTrue.EvaluateString(context) : WhenFalse.EvaluateString(context);

        /// <inheritdoc/>
        public override string ToString() => $"ifelse({Condition}, {WhenTrue}, {WhenFalse})";
    }

    /// <summary><c>a == b</c>: byte-wise equality of two strings.</summary>
    public sealed class Equal(int position, ExpressionNode left, ExpressionNode right) : ExpressionNode(position)
    {
        /// <summary>The left side.</summary>
        public ExpressionNode Left { get; } = left;

        /// <summary>The right side.</summary>
        public ExpressionNode Right { get; } = right;

        /// <inheritdoc/>
        public override bool IsBoolean => true;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Left, Right];

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context) =>
            Left.EvaluateString(context).SequenceEqual(Right.EvaluateString(context));

        /// <inheritdoc/>
        public override string ToString() => $"{Left} == {Right}";
    }

    /// <summary><c>a and b</c> (short-circuit).</summary>
    public sealed class And(int position, ExpressionNode left, ExpressionNode right) : ExpressionNode(position)
    {
        /// <summary>The left side.</summary>
        public ExpressionNode Left { get; } = left;

        /// <summary>The right side.</summary>
        public ExpressionNode Right { get; } = right;

        /// <inheritdoc/>
        public override bool IsBoolean => true;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Left, Right];

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context) =>
            Left.EvaluateBoolean(context) && Right.EvaluateBoolean(context);

        /// <inheritdoc/>
        public override string ToString() => $"({Left} and {Right})";
    }

    /// <summary><c>a or b</c> (short-circuit).</summary>
    public sealed class Or(int position, ExpressionNode left, ExpressionNode right) : ExpressionNode(position)
    {
        /// <summary>The left side.</summary>
        public ExpressionNode Left { get; } = left;

        /// <summary>The right side.</summary>
        public ExpressionNode Right { get; } = right;

        /// <inheritdoc/>
        public override bool IsBoolean => true;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Left, Right];

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context) =>
            Left.EvaluateBoolean(context) || Right.EvaluateBoolean(context);

        /// <inheritdoc/>
        public override string ToString() => $"({Left} or {Right})";
    }

    /// <summary><c>not a</c>.</summary>
    public sealed class Not(int position, ExpressionNode operand) : ExpressionNode(position)
    {
        /// <summary>The negated expression.</summary>
        public ExpressionNode Operand { get; } = operand;

        /// <inheritdoc/>
        public override bool IsBoolean => true;

        /// <inheritdoc/>
        public override IEnumerable<ExpressionNode> Children => [Operand];

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context) => !Operand.EvaluateBoolean(context);

        /// <inheritdoc/>
        public override string ToString() => $"not {Operand}";
    }

    /// <summary>
    /// <c>member('X')</c>: membership of a class defined earlier, or of a built-in class (<c>ALL</c>, <c>KNOWN</c>,
    /// <c>UNKNOWN</c>, <c>VENDOR_CLASS_*</c>). Bound to its class by <see cref="ClientClassCatalog"/>.
    /// </summary>
    public sealed class Member(int position, string className) : ExpressionNode(position)
    {
        private byte[] vendorClass = [];

        /// <summary>The class name.</summary>
        public string ClassName { get; } = className;

        /// <summary>What the name was bound to.</summary>
        public MemberBinding Binding { get; private set; }

        /// <summary>The catalog index when bound to a configured class.</summary>
        public int ClassIndex { get; private set; } = -1;

        /// <inheritdoc/>
        public override bool IsBoolean => true;

        /// <summary>Binds the name to a configured class.</summary>
        public void BindToClass(int index)
        {
            Binding = MemberBinding.Configured;
            ClassIndex = index;
        }

        /// <summary>Binds the name to a built-in class; <c>VENDOR_CLASS_x</c> compares option 60 with <c>x</c>.</summary>
        public void BindToBuiltIn(MemberBinding binding)
        {
            Binding = binding;
            if (binding == MemberBinding.VendorClass)
            {
                vendorClass = Encoding.UTF8.GetBytes(ClassName[ClientClassCatalog.VendorClassPrefix.Length..]);
            }
        }

        /// <inheritdoc/>
        public override bool EvaluateBoolean(EvaluationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return Binding switch
            {
                MemberBinding.Configured => context.IsMember(ClassIndex),
                MemberBinding.All => true,
                MemberBinding.Known => context.Known,
                MemberBinding.Unknown => !context.Known,
                MemberBinding.VendorClass => context.Input.TryGetOption(60, out var v) && v.SequenceEqual(vendorClass),
                _ => throw new InvalidOperationException($"member('{ClassName}') is not bound to a class"),
            };
        }

        /// <inheritdoc/>
        public override string ToString() => $"member('{ClassName}')";
    }

    private static string Suffix(OptionRepresentation representation) => representation switch
    {
        OptionRepresentation.Hex => "hex",
        OptionRepresentation.Text => "text",
        _ => "exists",
    };
}
