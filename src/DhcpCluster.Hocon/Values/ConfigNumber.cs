using System.Globalization;

namespace DhcpCluster.Hocon.Values;

/// <summary>A number. Integers that fit keep a <see cref="long"/>; the text as written is kept for rendering.</summary>
public sealed class ConfigNumber : ConfigScalar
{
    private readonly long _integer;
    private string? _text;

    /// <param name="text">The text as written; null for an integer written in its canonical form (made on demand).</param>
    private ConfigNumber(string? text, bool isInteger, long integer, double real, ConfigOrigin origin)
        : base(origin)
    {
        _text = text;
        IsInteger = isInteger;
        _integer = integer;
        Double = real;
    }

    /// <summary>The number as written (for example <c>1e3</c>, <c>0.5</c>, <c>-42</c>).</summary>
    public override string Text => _text ??= _integer.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the number is a whole number that fits a <see cref="long"/>.</summary>
    public bool IsInteger { get; }

    /// <summary>The value as a double.</summary>
    public double Double { get; }

    /// <summary>The value as a long; only meaningful when <see cref="IsInteger"/>.</summary>
    public long Long => _integer;

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.Number;

    /// <summary>Creates a number from a long.</summary>
    public static ConfigNumber FromLong(long value, ConfigOrigin origin) =>
        new(value.ToString(CultureInfo.InvariantCulture), isInteger: true, value, value, origin);

    /// <summary>Creates a number from a finite double.</summary>
    public static ConfigNumber FromDouble(double value, ConfigOrigin origin)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "HOCON numbers are finite");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return new ConfigNumber(text, isInteger: false, 0, value, origin);
    }

    /// <summary>Parses JSON number syntax (<c>-?int frac? exp?</c>); returns null when <paramref name="text"/> is not one.</summary>
    public static ConfigNumber? TryParse(string text, ConfigOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = TryParse(text.AsSpan(), origin);
        if (number is not null)
        {
            number._text = text;
        }

        return number;
    }

    /// <summary>Parses JSON number syntax from a span; the text is kept (made on demand for canonical integers).</summary>
    internal static ConfigNumber? TryParse(ReadOnlySpan<char> text, ConfigOrigin origin)
    {
        if (!IsJsonNumber(text))
        {
            return null;
        }

        var isIntegerSyntax = text.IndexOfAny('.', 'e', 'E') < 0;
        if (isIntegerSyntax && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            // "42" and "-7" read back from the long; "007" or "-0" keep their text.
            var digits = text[0] == '-' ? text[1..] : text;
            var canonical = (digits[0] != '0' || digits.Length == 1) && !(l == 0 && text[0] == '-');
            return new ConfigNumber(canonical ? null : text.ToString(), isInteger: true, l, l, origin);
        }

        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(d) ? new ConfigNumber(text.ToString(), isInteger: false, 0, d, origin) : null;
    }

    /// <summary>True when <paramref name="s"/> is exactly a JSON number.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = CountDigits(s, i);
        if (digits == 0)
        {
            return false;
        }

        i += digits;
        if (i < s.Length && s[i] == '.')
        {
            var frac = CountDigits(s, i + 1);
            if (frac == 0)
            {
                return false;
            }

            i += frac + 1;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            var exp = CountDigits(s, i);
            if (exp == 0)
            {
                return false;
            }

            i += exp;
        }

        return i == s.Length;
    }

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other) =>
        other is ConfigNumber n && (IsInteger && n.IsInteger ? n._integer == _integer : n.Double.Equals(Double));

    /// <inheritdoc />
    public override int GetHashCode() => Double.GetHashCode();

    /// <inheritdoc />
    public override string Describe() => Text;

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigNumber(_text, IsInteger, _integer, Double, origin);

    private static int CountDigits(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }
}
