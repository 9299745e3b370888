using System.Globalization;
using System.Text;
using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Classification;

/// <summary>
/// Parses the common part of Kea's <c>test</c> expression language into an <see cref="ExpressionNode"/> tree, with
/// type checking (a test must be boolean; <c>==</c> compares strings; <c>and</c>/<c>or</c>/<c>not</c> take booleans).
/// Errors are <see cref="ExpressionSyntaxException"/> with the position of the offending token.
/// </summary>
public sealed class ExpressionParser
{
    private readonly string text;
    private readonly Func<string, int?>? optionNames;
    private readonly List<Token> tokens = [];
    private int index;

    private ExpressionParser(string text, Func<string, int?>? optionNames)
    {
        this.text = text;
        this.optionNames = optionNames;
    }

    private enum TokenKind
    {
        Identifier,
        String,
        Hex,
        Integer,
        Address,
        LeftBracket,
        RightBracket,
        LeftParen,
        RightParen,
        Comma,
        Dot,
        EqualEqual,
        End,
    }

    /// <summary>
    /// Parses a boolean test expression. Option names (<c>option[host-name]</c>) are Kea's standard names from
    /// <see cref="StandardOptions"/>; <paramref name="optionNames"/> resolves others (e.g. custom option definitions) first.
    /// </summary>
    public static ExpressionNode Parse(string expression, Func<string, int?>? optionNames = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new ExpressionParser(expression, optionNames);
        parser.Tokenize();
        var node = parser.ParseOr();
        var end = parser.Current;
        if (end.Kind != TokenKind.End)
        {
            throw parser.Error(end.Position, $"unexpected {Describe(end)} after a complete expression");
        }

        if (!node.IsBoolean)
        {
            throw parser.Error(node.Position, $"a test must be a boolean expression, but '{node}' is a string (compare it with ==)");
        }

        return node;
    }

    private Token Current => tokens[index];

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string '{token.Text}'",
        _ => $"'{token.Text}'",
    };

    private ExpressionSyntaxException Error(int position, string problem) => new(text, position, problem);

    private Token Next() => tokens[index++];

    private Token Expect(TokenKind kind, string what)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Error(token.Position, $"expected {what}, found {Describe(token)}");
        }

        index++;
        return token;
    }

    private bool IsKeyword(string keyword) =>
        Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.Ordinal);

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            var op = Next();
            var right = ParseAnd();
            left = new ExpressionNode.Or(op.Position, RequireBoolean(left, "or"), RequireBoolean(right, "or"));
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseNot();
        while (IsKeyword("and"))
        {
            var op = Next();
            var right = ParseNot();
            left = new ExpressionNode.And(op.Position, RequireBoolean(left, "and"), RequireBoolean(right, "and"));
        }

        return left;
    }

    private ExpressionNode ParseNot()
    {
        if (IsKeyword("not"))
        {
            var op = Next();
            return new ExpressionNode.Not(op.Position, RequireBoolean(ParseNot(), "not"));
        }

        return ParseComparison();
    }

    private ExpressionNode ParseComparison()
    {
        var left = ParseTerm();
        if (Current.Kind == TokenKind.EqualEqual)
        {
            var op = Next();
            var right = ParseTerm();
            return new ExpressionNode.Equal(op.Position, RequireString(left, "=="), RequireString(right, "=="));
        }

        return left;
    }

    private ExpressionNode RequireBoolean(ExpressionNode node, string operation) =>
        node.IsBoolean ? node : throw Error(node.Position, $"'{operation}' needs a boolean operand, but '{node}' is a string");

    private ExpressionNode RequireString(ExpressionNode node, string operation) =>
        !node.IsBoolean ? node : throw Error(node.Position, $"'{operation}' needs a string operand, but '{node}' is a boolean");

    private ExpressionNode ParseString(string operation) => RequireString(ParseOr(), operation);

    private ExpressionNode ParseTerm()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.LeftParen:
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.String:
                return new ExpressionNode.Literal(token.Position, Encoding.UTF8.GetBytes(token.Text));
            case TokenKind.Hex:
                return new ExpressionNode.Literal(token.Position, Convert.FromHexString(token.Text.AsSpan(2)));
            case TokenKind.Address:
                var bytes = new byte[4];
                Ipv4Address.Parse(token.Text).WriteTo(bytes);
                return new ExpressionNode.Literal(token.Position, bytes);
            case TokenKind.Integer:
                throw Error(token.Position, $"the integer {token.Text} is not a string; write '{token.Text}' or a 0x hex literal");
            case TokenKind.Identifier:
                return ParseNamed(token);
            default:
                throw Error(token.Position, $"expected an expression, found {Describe(token)}");
        }
    }

    private ExpressionNode ParseNamed(Token name) => name.Text switch
    {
        "option" => new ExpressionNode.OptionValue(name.Position, ParseCode("option"), ParseRepresentation("option")),
        "relay4" => new ExpressionNode.RelayValue(name.Position, ParseCode("relay4"), ParseRepresentation("relay4")),
        "pkt4" => ParsePacketField(name),
        "substring" => ParseSubstring(name),
        "concat" => ParseConcat(name),
        "hexstring" => ParseHexString(name),
        "ifelse" => ParseIfElse(name),
        "member" => ParseMember(name),
        _ => throw Error(name.Position, $"unknown name '{name.Text}' (expected option, relay4, pkt4, substring, concat, hexstring, ifelse, member, not, or a literal)"),
    };

    private ExpressionNode ParsePacketField(Token name)
    {
        Expect(TokenKind.Dot, "'.' after pkt4");
        var field = Expect(TokenKind.Identifier, "a pkt4 field name");
        Pkt4Field? value = field.Text switch
        {
            "mac" => Pkt4Field.Mac,
            "hlen" => Pkt4Field.HardwareLength,
            "htype" => Pkt4Field.HardwareType,
            "ciaddr" => Pkt4Field.ClientAddress,
            "yiaddr" => Pkt4Field.YourAddress,
            "siaddr" => Pkt4Field.ServerAddress,
            "giaddr" => Pkt4Field.RelayAddress,
            "msgtype" => Pkt4Field.MessageType,
            "transid" => Pkt4Field.TransactionId,
            _ => null,
        };
        return value is { } f
            ? new ExpressionNode.PacketField(name.Position, f)
            : throw Error(field.Position, $"unknown pkt4 field '{field.Text}' (mac, hlen, htype, ciaddr, yiaddr, siaddr, giaddr, msgtype, transid)");
    }

    private ExpressionNode ParseSubstring(Token name)
    {
        Expect(TokenKind.LeftParen, "'(' after substring");
        var source = ParseString("substring");
        Expect(TokenKind.Comma, "',' after the substring source");
        var start = ParseInteger("the substring start");
        Expect(TokenKind.Comma, "',' after the substring start");
        int? length;
        if (Current.Kind == TokenKind.String && string.Equals(Current.Text, "all", StringComparison.Ordinal))
        {
            Next();
            length = null;
        }
        else
        {
            length = ParseInteger("the substring length (an integer or 'all')");
        }

        Expect(TokenKind.RightParen, "')' after the substring length");
        return new ExpressionNode.Substring(name.Position, source, start, length);
    }

    private ExpressionNode ParseConcat(Token name)
    {
        Expect(TokenKind.LeftParen, "'(' after concat");
        var left = ParseString("concat");
        Expect(TokenKind.Comma, "',' between the concat arguments");
        var right = ParseString("concat");
        Expect(TokenKind.RightParen, "')' after the concat arguments");
        return new ExpressionNode.Concat(name.Position, left, right);
    }

    private ExpressionNode ParseHexString(Token name)
    {
        Expect(TokenKind.LeftParen, "'(' after hexstring");
        var source = ParseString("hexstring");
        Expect(TokenKind.Comma, "',' between the hexstring arguments");
        var separator = ParseString("hexstring");
        Expect(TokenKind.RightParen, "')' after the hexstring arguments");
        return new ExpressionNode.HexString(name.Position, source, separator);
    }

    private ExpressionNode ParseIfElse(Token name)
    {
        Expect(TokenKind.LeftParen, "'(' after ifelse");
        var condition = RequireBoolean(ParseOr(), "ifelse");
        Expect(TokenKind.Comma, "',' after the ifelse condition");
        var whenTrue = ParseString("ifelse");
        Expect(TokenKind.Comma, "',' between the ifelse values");
        var whenFalse = ParseString("ifelse");
        Expect(TokenKind.RightParen, "')' after the ifelse values");
        return new ExpressionNode.IfElse(name.Position, condition, whenTrue, whenFalse);
    }

    private ExpressionNode ParseMember(Token name)
    {
        Expect(TokenKind.LeftParen, "'(' after member");
        var className = Expect(TokenKind.String, "a quoted class name");
        Expect(TokenKind.RightParen, "')' after the class name");
        if (className.Text.Length == 0)
        {
            throw Error(className.Position, "member() needs a non-empty class name");
        }

        return new ExpressionNode.Member(name.Position, className.Text);
    }

    private byte ParseCode(string what)
    {
        Expect(TokenKind.LeftBracket, $"'[' after {what}");
        var token = Next();
        int code;
        if (token.Kind == TokenKind.Integer)
        {
            if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out code) || code is < 1 or > 254)
            {
                throw Error(token.Position, $"{what} code {token.Text} is outside 1..254");
            }
        }
        else if (token.Kind == TokenKind.Identifier)
        {
            var resolved = optionNames?.Invoke(token.Text) ?? (StandardOptions.TryGet(token.Text, out var known) ? known.Code : null);
            code = resolved ?? throw Error(token.Position, $"unknown option name '{token.Text}'");
        }
        else
        {
            throw Error(token.Position, $"expected an option code or name, found {Describe(token)}");
        }

        Expect(TokenKind.RightBracket, "']' after the option code");
        return (byte)code;
    }

    private OptionRepresentation ParseRepresentation(string what)
    {
        Expect(TokenKind.Dot, $"'.' after {what}[code]");
        var token = Expect(TokenKind.Identifier, "hex, text or exists");
        return token.Text switch
        {
            "hex" => OptionRepresentation.Hex,
            "text" => OptionRepresentation.Text,
            "exists" => OptionRepresentation.Exists,
            _ => throw Error(token.Position, $"unknown {what} representation '{token.Text}' (hex, text or exists)"),
        };
    }

    private int ParseInteger(string what)
    {
        var token = Next();
        if (token.Kind == TokenKind.String
            && int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quoted))
        {
            return quoted;
        }

        if (token.Kind != TokenKind.Integer
            || !int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token.Position, $"expected {what}, found {Describe(token)}");
        }

        return value;
    }

    private void Tokenize()
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (SingleCharacterToken(c) is { } kind)
            {
                tokens.Add(new Token(kind, c.ToString(), i));
                i++;
            }
            else if (c == '=')
            {
                if (i + 1 >= text.Length || text[i + 1] != '=')
                {
                    throw Error(i, "a single '=' is not an operator (use '==')");
                }

                tokens.Add(new Token(TokenKind.EqualEqual, "==", i));
                i += 2;
            }
            else if (c == '\'')
            {
                var close = text.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    throw Error(i, "unterminated string literal (missing closing ')");
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..close], i));
                i = close + 1;
            }
            else if (c == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
            {
                i = ReadHex(i);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ReadNumber(i);
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else
            {
                throw Error(i, $"unexpected character '{c}'");
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
    }

    private static TokenKind? SingleCharacterToken(char c) => c switch
    {
        '[' => TokenKind.LeftBracket,
        ']' => TokenKind.RightBracket,
        '(' => TokenKind.LeftParen,
        ')' => TokenKind.RightParen,
        ',' => TokenKind.Comma,
        '.' => TokenKind.Dot,
        _ => null,
    };

    private int ReadHex(int start)
    {
        var i = start + 2;
        while (i < text.Length && char.IsAsciiHexDigit(text[i]))
        {
            i++;
        }

        var digits = i - start - 2;
        if (digits == 0)
        {
            throw Error(start, "a hex literal needs digits after 0x");
        }

        if (digits % 2 != 0)
        {
            throw Error(start, $"the hex literal {text[start..i]} has an odd number of digits");
        }

        tokens.Add(new Token(TokenKind.Hex, "0x" + text[(start + 2)..i], start));
        return i;
    }

    private int ReadNumber(int start)
    {
        var negative = text[start] == '-';
        var i = start + 1;
        var dots = 0;
        while (i < text.Length
            && (char.IsAsciiDigit(text[i]) || (!negative && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            if (text[i] == '.')
            {
                dots++;
            }

            i++;
        }

        var literal = text[start..i];
        if (dots == 0)
        {
            tokens.Add(new Token(TokenKind.Integer, literal, start));
        }
        else if (dots == 3 && Ipv4Address.TryParse(literal, out _))
        {
            tokens.Add(new Token(TokenKind.Address, literal, start));
        }
        else
        {
            throw Error(start, $"'{literal}' is neither an integer nor an IPv4 address");
        }

        return i;
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);
}
