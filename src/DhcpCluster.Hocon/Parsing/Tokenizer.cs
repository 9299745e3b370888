using System.Buffers;
using System.Text;

namespace DhcpCluster.Hocon.Parsing;

/// <summary>
/// Splits HOCON text into tokens without regular expressions and without allocating for punctuation, whitespace
/// or comments. Comments: <c>#</c> and <c>//</c> to the end of the line, and, as an extension (Kea accepts them),
/// <c>/* ... */</c> blocks; a block comment that spans lines counts as a newline.
/// </summary>
internal sealed class Tokenizer
{
    // Characters the HOCON specification forbids in unquoted text, '/' (for // and /* comments) and every Unicode
    // whitespace character (what char.IsWhiteSpace accepts, plus the byte order mark).
    private static readonly SearchValues<char> UnquotedStop = SearchValues.Create(
        "$\"{}[]:=,+#`^?!@*&\\/ \t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF");

    // What ends the plain run of a quoted string: its closing quote, an escape, or a control character (tab is allowed).
    private static readonly SearchValues<char> QuotedStop = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly string _text;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private Token? _peeked;

    private readonly ParseContext? _context;

    public Tokenizer(string text, string file, ParseContext? context = null)
    {
        _text = text;
        _file = file;
        _context = context;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    public string Text => _text;

    public string File => _file;

    public ConfigOrigin OriginOf(in Token token) => new(_file, token.Line, token.Column);

    public ReadOnlySpan<char> Span(in Token token) => _text.AsSpan(token.Start, token.Length);

    /// <summary>The text a quoted or unquoted token stands for.</summary>
    public string TextOf(in Token token) => token.Decoded ?? _text.Substring(token.Start, token.Length);

    public Token Peek() => _peeked ??= Read();

    public Token Next()
    {
        if (_peeked is { } token)
        {
            _peeked = null;
            return token;
        }

        return Read();
    }

    /// <summary>Decodes JSON escapes (<c>\" \\ \/ \b \f \n \r \t \uXXXX</c>).</summary>
    public static string Unescape(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('\\') < 0)
        {
            return raw.ToString();
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length)
            {
                builder.Append(c);
                continue;
            }

            i++;
            switch (raw[i])
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < raw.Length && ushort.TryParse(raw.Slice(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(raw[i]); break;
            }
        }

        return builder.ToString();
    }

    private ConfigException Error(int line, int column, string problem) => new(new ConfigOrigin(_file, line, column), string.Empty, problem);

    private Token Make(TokenKind kind, int start, int length, int line, int column) => new(kind, start, length, line, column);

    private Token Read()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return Make(TokenKind.End, _pos, 0, _line, _pos - _lineStart + 1);
            }

            var start = _pos;
            var line = _line;
            var column = _pos - _lineStart + 1;
            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    return Make(TokenKind.Newline, start, 1, line, column);
                case ',': _pos++; return Make(TokenKind.Comma, start, 1, line, column);
                case ':': _pos++; return Make(TokenKind.Colon, start, 1, line, column);
                case '=': _pos++; return Make(TokenKind.Equals, start, 1, line, column);
                case '{': _pos++; return Make(TokenKind.OpenBrace, start, 1, line, column);
                case '}': _pos++; return Make(TokenKind.CloseBrace, start, 1, line, column);
                case '[': _pos++; return Make(TokenKind.OpenBracket, start, 1, line, column);
                case ']': _pos++; return Make(TokenKind.CloseBracket, start, 1, line, column);
                case '#':
                    SkipToEndOfLine();
                    continue;
                case '/' when Next(1) == '/':
                    SkipToEndOfLine();
                    continue;
                case '/' when Next(1) == '*':
                    if (SkipBlockComment(line, column))
                    {
                        return Make(TokenKind.Newline, start, 0, line, column);
                    }

                    return new Token(TokenKind.Whitespace, start, 0, line, column, Decoded: " ");
                case '+' when Next(1) == '=':
                    _pos += 2;
                    return Make(TokenKind.PlusEquals, start, 2, line, column);
                case '"':
                    return Next(1) == '"' && Next(2) == '"' ? ReadTripleQuoted(line, column) : ReadQuoted(line, column);
                case '$' when Next(1) == '{':
                    return ReadSubstitution(line, column);
                default:
                    return IsWhitespace(c) ? ReadWhitespace(line, column) : ReadUnquoted(line, column);
            }
        }
    }

    private Token ReadWhitespace(int line, int column)
    {
        var start = _pos;
        SkipInlineWhitespace();
        return Make(TokenKind.Whitespace, start, _pos - start, line, column);
    }

    private void SkipInlineWhitespace()
    {
        // Runs of spaces and tabs (indentation) in one step, then any other whitespace one by one.
        while (_pos < _text.Length)
        {
            var run = _text.AsSpan(_pos).IndexOfAnyExcept(' ', '\t');
            _pos = run < 0 ? _text.Length : _pos + run;
            if (_pos >= _text.Length || _text[_pos] == '\n' || !IsWhitespace(_text[_pos]))
            {
                return;
            }

            _pos++;
        }
    }

    private static bool IsWhitespace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private char Next(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void SkipToEndOfLine()
    {
        var end = _text.AsSpan(_pos).IndexOf('\n');
        _pos = end < 0 ? _text.Length : _pos + end;
    }

    /// <summary>Skips <c>/* ... */</c>; returns true when it spanned a line break.</summary>
    private bool SkipBlockComment(int line, int column)
    {
        var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(line, column, "unterminated /* comment");
        }

        var spannedLines = false;
        for (var i = _pos; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
                spannedLines = true;
            }
        }

        _pos = end + 2;
        return spannedLines;
    }

    private Token ReadUnquoted(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var rest = _text.AsSpan(_pos);
            var stop = rest.IndexOfAny(UnquotedStop);
            if (stop < 0)
            {
                _pos = _text.Length;
                break;
            }

            _pos += stop;
            var c = _text[_pos];
            if (c == '/' && Next(1) != '/' && Next(1) != '*')
            {
                _pos++;
                continue;
            }

            // A '+' in a number's exponent (1e+5) belongs to the number.
            if (c == '+' && _pos > start && (_text[_pos - 1] == 'e' || _text[_pos - 1] == 'E') && StartsLikeNumber(start))
            {
                _pos++;
                continue;
            }

            break;
        }

        if (_pos == start)
        {
            var c = _text[_pos];
            var hint = c == '+' ? " (did you mean '+='?)" : c == '$' ? " (a substitution is written ${path})" : string.Empty;
            throw Error(line, column, $"reserved character '{c}' is not allowed outside quotes{hint}");
        }

        return Make(TokenKind.Unquoted, start, _pos - start, line, column);
    }

    private bool StartsLikeNumber(int start) => char.IsAsciiDigit(_text[start]) || (_text[start] == '-' && start + 1 < _text.Length && char.IsAsciiDigit(_text[start + 1]));

    private Token ReadQuoted(int line, int column)
    {
        var contentStart = _pos + 1;
        var i = contentStart;
        var hasEscape = false;
        while (true)
        {
            // Jump to the next quote, backslash or control character; everything else is content.
            var next = i < _text.Length ? _text.AsSpan(i).IndexOfAny(QuotedStop) : -1;
            if (next < 0)
            {
                throw Error(line, column, "unterminated quoted string (a newline inside quotes is written \\n; use \"\"\" for multi-line text)");
            }

            i += next;
            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                hasEscape = true;
                i = SkipEscape(i);
                continue;
            }

            if (c == '\n')
            {
                throw Error(line, column, "unterminated quoted string (a newline inside quotes is written \\n; use \"\"\" for multi-line text)");
            }

            throw Error(_line, i - _lineStart + 1, $"control character U+{(int)c:X4} in quoted string (write it as an escape)");
        }

        _pos = i + 1;
        var decoded = hasEscape ? Unescape(_text.AsSpan(contentStart, i - contentStart)) : null;
        return new Token(TokenKind.Quoted, contentStart, i - contentStart, line, column, decoded);
    }

    /// <summary>Checks the escape at <paramref name="backslash"/> and returns the index after it.</summary>
    private int SkipEscape(int backslash)
    {
        if (backslash + 1 >= _text.Length)
        {
            return backslash + 1;
        }

        var e = _text[backslash + 1];
        if (e == 'u')
        {
            if (backslash + 5 >= _text.Length || !IsHex(_text.AsSpan(backslash + 2, 4)))
            {
                throw Error(_line, backslash - _lineStart + 1, "bad escape: \\u must be followed by four hex digits");
            }

            return backslash + 6;
        }

        if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
        {
            throw Error(_line, backslash - _lineStart + 1, $"bad escape '\\{e}' in quoted string");
        }

        return backslash + 2;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private Token ReadTripleQuoted(int line, int column)
    {
        var contentStart = _pos + 3;
        var end = _text.IndexOf("\"\"\"", contentStart, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(line, column, "unterminated triple-quoted string");
        }

        // Quotes just before the closing """ belong to the string: """a""""" is a"".
        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        for (var i = contentStart; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _pos = end + 3;
        return new Token(TokenKind.Quoted, contentStart, end - contentStart, line, column) { IsTripleQuoted = true };
    }

    private Token ReadSubstitution(int line, int column)
    {
        var start = _pos;
        _pos += 2;
        var optional = false;
        if (_pos < _text.Length && _text[_pos] == '?')
        {
            optional = true;
            _pos++;
        }

        if (TryReadSimpleSubstitutionPath() is { } simple)
        {
            return new Token(TokenKind.Substitution, start, _pos - start, line, column, Path: simple, Optional: optional);
        }

        var path = new SubstitutionPathBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "unterminated substitution: '${' without a closing '}'");
            }

            var c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                break;
            }

            if (IsWhitespace(c))
            {
                var wsStart = _pos;
                SkipInlineWhitespace();
                path.AddWhitespace(_text.AsSpan(wsStart, _pos - wsStart));
            }
            else if (c == '"')
            {
                var token = ReadQuoted(_line, _pos - _lineStart + 1);
                path.AddQuoted(token.Decoded ?? _text.Substring(token.Start, token.Length));
            }
            else
            {
                var unquoted = ReadUnquoted(_line, _pos - _lineStart + 1);
                if (!path.AddUnquoted(_text.AsSpan(unquoted.Start, unquoted.Length)))
                {
                    throw Error(line, column, "substitution path has an empty key (quote a key that is empty or holds a dot)");
                }
            }
        }

        var segments = path.Finish() ?? throw Error(line, column, "empty substitution or empty key in a substitution path");
        return new Token(TokenKind.Substitution, start, _pos - start, line, column, Path: ConfigPath.Of(segments), Optional: optional);
    }

    /// <summary>
    /// The common <c>${a.b.c}</c>: plain keys and dots up to the closing brace, read without building strings
    /// other than the (interned) keys. Null, with nothing consumed, for anything else.
    /// </summary>
    private ConfigPath? TryReadSimpleSubstitutionPath()
    {
        var rest = _text.AsSpan(_pos);
        var end = rest.IndexOfAny(UnquotedStop);
        if (end <= 0 || rest[end] != '}' || rest[0] == '.' || rest[end - 1] == '.' || rest[..end].IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var content = rest[..end];
        var segments = new string[content.Count('.') + 1];
        var index = 0;
        foreach (var range in content.Split('.'))
        {
            var segment = content[range];
            segments[index++] = _context?.Intern(segment) ?? segment.ToString();
        }

        _pos += end + 1;
        return ConfigPath.FromOwned(segments);
    }

    /// <summary>Builds the path of <c>${...}</c>: unquoted parts split at dots, quoted parts whole, inner whitespace kept.</summary>
    private sealed class SubstitutionPathBuilder
    {
        private readonly List<string> _segments = [];
        private readonly StringBuilder _current = new();
        private bool _hasContent;
        private int _pendingSpace;

        public void AddWhitespace(ReadOnlySpan<char> whitespace)
        {
            if (_hasContent || _segments.Count > 0)
            {
                _current.Append(whitespace);
                _pendingSpace = whitespace.Length;
            }
        }

        public void AddQuoted(string text)
        {
            _current.Append(text);
            _hasContent = true;
            _pendingSpace = 0;
        }

        /// <summary>Adds unquoted text; false when it makes an empty segment.</summary>
        public bool AddUnquoted(ReadOnlySpan<char> text)
        {
            _pendingSpace = 0;
            while (true)
            {
                var dot = text.IndexOf('.');
                if (dot < 0)
                {
                    _current.Append(text);
                    _hasContent |= text.Length > 0;
                    return true;
                }

                _current.Append(text[..dot]);
                if (!_hasContent && dot == 0)
                {
                    return false;
                }

                _segments.Add(_current.ToString());
                _current.Clear();
                _hasContent = false;
                text = text[(dot + 1)..];
                if (text.Length == 0)
                {
                    return false;
                }
            }
        }

        /// <summary>The segments, or null when the last one is empty.</summary>
        public string[]? Finish()
        {
            if (_pendingSpace > 0)
            {
                _current.Length -= _pendingSpace;
            }

            if (!_hasContent)
            {
                return null;
            }

            _segments.Add(_current.ToString());
            return [.. _segments];
        }
    }
}
