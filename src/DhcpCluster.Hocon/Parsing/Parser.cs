using System.Reflection;
using System.Text;
using DhcpCluster.Hocon.Resolution;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Parsing;

/// <summary>
/// Recursive-descent HOCON parser producing an unresolved value tree (substitutions are resolved later, over the
/// whole configuration). Duplicate keys merge while parsing; includes are read and merged in place.
/// </summary>
internal sealed class Parser
{
    private readonly Tokenizer _tokens;
    private readonly ParseContext _context;
    private readonly string? _filePath;
    private readonly ConfigPath _prefix;

    // Lists reused while reading arrays (one per nesting level in use), so an array costs only its final item array.
    private readonly Stack<List<ConfigValue>> _scratchLists = new();

    private Parser(string text, string displayName, string? filePath, ConfigPath prefix, ParseContext context)
    {
        _tokens = new Tokenizer(text, displayName, context);
        _filePath = filePath;
        _prefix = prefix;
        _context = context;
    }

    /// <summary>Parses a whole document; <paramref name="filePath"/> is the full path used for relative includes (null for strings).</summary>
    public static ConfigObject ParseDocument(string text, string displayName, string? filePath, ConfigPath prefix, ParseContext context) =>
        new Parser(text, displayName, filePath, prefix, context).ParseRoot();

    private ConfigException Error(in Token at, ConfigPath path, string problem) =>
        new(_tokens.OriginOf(at), _prefix.Append(path).ToString(), problem);

    private ConfigException Error(in Token at, FieldPath path, string problem) => Error(at, path.ToPath(), problem);

    private ConfigException Error(in Token at, PathNode? path, string problem) => Error(at, PathNode.ToPath(path), problem);

    /// <summary>
    /// The path of the value being parsed, kept as the enclosing object's node + key (+ list index) so that no path
    /// object is built per field; it becomes a <see cref="ConfigPath"/> only for an error message, a <c>+=</c> or an include.
    /// </summary>
    private readonly record struct FieldPath(PathNode? Parent, string? Key, ConfigPath? Keys = null, int Index = -1)
    {
        public ConfigPath ToPath()
        {
            var path = PathNode.ToPath(Parent);
            path = Key is not null ? path.Append(Key) : Keys is not null ? path.Append(Keys) : path;
            return Index < 0 ? path : path.Append(ConfigPath.ElementSegment(Index));
        }

        /// <summary>The path of element <paramref name="index"/> of the list at this path.</summary>
        public FieldPath Element(int index) => Index < 0 ? this with { Index = index } : new FieldPath(new PathNode(this), null, null, index);
    }

    /// <summary>The path of an object being parsed (null stands for the root).</summary>
    private sealed class PathNode(FieldPath at)
    {
        public static ConfigPath ToPath(PathNode? node) => node is null ? ConfigPath.Root : node.At.ToPath();

        public FieldPath At { get; } = at;
    }

    private ConfigOrigin Origin(in Token token) => _tokens.OriginOf(token);

    private string Describe(in Token token) => token.Kind switch
    {
        TokenKind.End => "end of file",
        TokenKind.Newline => "end of line",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.Quoted => Rendering.JsonRenderer.Quote(_tokens.TextOf(token)),
        TokenKind.Substitution => "a substitution",
        TokenKind.Whitespace => "whitespace",
        _ => "'" + _tokens.Span(token).ToString() + "'",
    };

    private void SkipWhitespace()
    {
        while (_tokens.Peek().Kind == TokenKind.Whitespace)
        {
            _tokens.Next();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_tokens.Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _tokens.Next();
        }
    }

    private ConfigObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = _tokens.Peek();
        ConfigObject root;
        if (first.Kind == TokenKind.OpenBrace)
        {
            _tokens.Next();
            root = ParseObjectBody(braced: true, null, first);
            SkipWhitespaceAndNewlines();
            var after = _tokens.Peek();
            if (after.Kind != TokenKind.End)
            {
                throw Error(after, ConfigPath.Root, $"unexpected {Describe(after)} after the closing '}}' of the root object");
            }
        }
        else if (first.Kind == TokenKind.OpenBracket)
        {
            throw Error(first, ConfigPath.Root, "the root of a configuration must be an object, found a list");
        }
        else
        {
            root = ParseObjectBody(braced: false, null, first);
        }

        return root;
    }

    /// <summary>Counts one more level of nesting (objects, lists, includes) and refuses absurd depths instead of overflowing the stack.</summary>
    private void Enter(in Token at, PathNode? path)
    {
        if (++_context.Depth > ParseContext.MaxDepth)
        {
            _context.Depth--;
            throw Error(at, path, $"nested more than {ParseContext.MaxDepth} levels deep");
        }
    }

    private void Enter(in Token at, FieldPath path)
    {
        if (++_context.Depth > ParseContext.MaxDepth)
        {
            _context.Depth--;
            throw Error(at, path, $"nested more than {ParseContext.MaxDepth} levels deep");
        }
    }

    private void Leave() => _context.Depth--;

    private ConfigObject ParseObjectBody(bool braced, PathNode? path, in Token open)
    {
        Enter(open, path);
        try
        {
            return ParseFields(braced, path, open);
        }
        finally
        {
            Leave();
        }
    }

    private ConfigObject ParseFields(bool braced, PathNode? path, in Token open)
    {
        var fields = new FieldTable();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.CloseBrace)
            {
                if (!braced)
                {
                    throw Error(token, path, "unexpected '}' (no object is open)");
                }

                _tokens.Next();
                break;
            }

            if (token.Kind == TokenKind.End)
            {
                if (braced)
                {
                    throw Error(token, path, $"unexpected end of file: the '{{' at line {open.Line}, column {open.Column} is never closed");
                }

                break;
            }

            if (token.Kind == TokenKind.Unquoted && _tokens.Span(token).SequenceEqual("include") && IsIncludeStatement())
            {
                ParseInclude(fields, path);
            }
            else
            {
                ParseField(fields, path);
            }

            SkipWhitespace();
            var separator = _tokens.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _tokens.Next();
                    SkipWhitespaceAndNewlines();
                    if (_tokens.Peek().Kind == TokenKind.Comma)
                    {
                        var second = _tokens.Peek();
                        throw Error(second, path, "two commas in a row (a value is missing between them)");
                    }

                    break;
                case TokenKind.Newline:
                case TokenKind.CloseBrace:
                case TokenKind.End:
                    break;
                default:
                    throw Error(separator, path, $"expected ',' or a new line after a field, found {Describe(separator)}");
            }
        }

        return new ConfigObject(fields, Origin(open));
    }

    /// <summary>After an unquoted <c>include</c>: is it the include keyword (followed by something to include) rather than a key?</summary>
    private bool IsIncludeStatement()
    {
        // The token after 'include' decides; the tokenizer has only one token of look-ahead, so look at the text.
        var keyword = _tokens.Peek();
        var text = _tokens.Text;
        var i = keyword.Start + keyword.Length;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '"')
        {
            return true;
        }

        // 'include' followed by a separator is a key named include; anything else is an include statement
        // (and reported as malformed when it is not one of the include forms).
        return i > keyword.Start + keyword.Length && text[i] is not ('=' or ':' or '{' or '+' or '\n' or '\r' or ',' or '}' or '#')
            && !text.AsSpan(i).StartsWith("//", StringComparison.Ordinal);
    }

    private void ParseField(FieldTable fields, PathNode? path)
    {
        var keyToken = _tokens.Peek();
        var (singleKey, dottedKey) = ParseKey(path);
        var fieldPath = new FieldPath(path, singleKey, dottedKey);
        SkipWhitespace();
        var separator = _tokens.Next();
        ConfigValue value;
        switch (separator.Kind)
        {
            case TokenKind.OpenBrace:
                // key { ... } is key = { ... }, and like any value it may be concatenated: key { a = 1 } { b = 2 }
                value = ParseValue(fieldPath, new Piece(separator, ParseObjectBody(braced: true, new PathNode(fieldPath), separator)));
                break;
            case TokenKind.Colon:
            case TokenKind.Equals:
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.PlusEquals:
                {
                    SkipWhitespaceAndNewlines();
                    var appended = ParseValue(fieldPath);
                    var origin = Origin(separator);
                    var full = fieldPath.ToPath();
                    var self = new ConfigSubstitution(_prefix.Append(full), full, optional: true, origin);
                    value = new ConfigConcatenation([self, new ConfigArray([appended], appended.Origin)], origin);
                    break;
                }

            default:
                throw Error(separator, fieldPath, $"expected ':', '=', '+=' or '{{' after the key, found {Describe(separator)}");
        }

        var first = singleKey;
        if (dottedKey is not null)
        {
            // a.b.c = v is a { b { c = v } }
            for (var i = dottedKey.Length - 1; i > 0; i--)
            {
                var wrapper = new FieldTable(1);
                wrapper.Set(dottedKey.SegmentArray[i], value);
                value = new ConfigObject(wrapper, Origin(keyToken));
            }

            first = dottedKey.SegmentArray[0];
        }

        fields.Set(first!, fields.TryGetValue(first!, out var previous) ? ConfigMerge.Merge(value, previous) : value);
    }

    /// <summary>Reads a key: unquoted parts split at dots, quoted parts taken whole, whitespace between parts kept.</summary>
    private (string? Single, ConfigPath? Dotted) ParseKey(PathNode? path)
    {
        var first = _tokens.Peek();
        if (first.Kind is not (TokenKind.Unquoted or TokenKind.Quoted))
        {
            throw Error(first, path, $"expected a key, found {Describe(first)}");
        }

        _tokens.Next();
        Token? whitespace = _tokens.Peek().Kind == TokenKind.Whitespace ? _tokens.Next() : null;
        var next = _tokens.Peek();
        var endsHere = next.Kind is not (TokenKind.Unquoted or TokenKind.Quoted);

        // Fast paths: a single quoted key (JSON) or a single unquoted key without dots.
        if (endsHere && first.Kind == TokenKind.Quoted)
        {
            return (first.Decoded ?? _context.Intern(_tokens.Span(first)), null);
        }

        if (endsHere && _tokens.Span(first).IndexOf('.') < 0)
        {
            return (_context.Intern(_tokens.Span(first)), null);
        }

        var dotted = ParseKeyExpression(first, whitespace, path);
        return dotted.Length == 1 ? (dotted.Last, null) : (null, dotted);
    }

    private sealed class KeyBuilder
    {
        public List<string> Segments { get; } = [];

        public StringBuilder Current { get; } = new();

        public bool HasContent { get; set; }

        public void EndSegment()
        {
            Segments.Add(Current.ToString());
            Current.Clear();
            HasContent = false;
        }
    }

    /// <summary>The slow path of a key: several parts, dots, or whitespace inside (<paramref name="whitespaceAfterFirst"/> already read).</summary>
    private ConfigPath ParseKeyExpression(Token first, Token? whitespaceAfterFirst, PathNode? path)
    {
        var key = new KeyBuilder();
        var pendingWhitespace = string.Empty;
        var token = first;
        while (true)
        {
            if (whitespaceAfterFirst is { } consumed)
            {
                // Only for the first part: the whitespace after it was read while looking for the separator.
                whitespaceAfterFirst = null;
                key.Current.Append(pendingWhitespace);
                AppendKeyPart(key, token, path);
                if (_tokens.Peek().Kind is not (TokenKind.Unquoted or TokenKind.Quoted))
                {
                    break;
                }

                pendingWhitespace = consumed.Decoded ?? _tokens.Span(consumed).ToString();
                token = _tokens.Next();
                continue;
            }

            key.Current.Append(pendingWhitespace);
            AppendKeyPart(key, token, path);
            pendingWhitespace = string.Empty;
            var peek = _tokens.Peek();
            if (peek.Kind == TokenKind.Whitespace)
            {
                _tokens.Next();
                var after = _tokens.Peek();
                if (after.Kind is not (TokenKind.Unquoted or TokenKind.Quoted))
                {
                    break;
                }

                pendingWhitespace = peek.Decoded ?? _tokens.Span(peek).ToString();
                peek = after;
            }

            if (peek.Kind is not (TokenKind.Unquoted or TokenKind.Quoted))
            {
                break;
            }

            token = _tokens.Next();
        }

        if (!key.HasContent)
        {
            throw Error(first, path, "key has an empty path segment (quote a key that holds a dot or is empty)");
        }

        key.EndSegment();
        return ConfigPath.Of([.. key.Segments]);
    }

    private void AppendKeyPart(KeyBuilder key, in Token token, PathNode? path)
    {
        if (token.Kind == TokenKind.Quoted)
        {
            key.Current.Append(_tokens.TextOf(token));
            key.HasContent = true;
        }
        else
        {
            AppendUnquotedKeyPart(key, token, path);
        }
    }

    private void AppendUnquotedKeyPart(KeyBuilder key, in Token token, PathNode? path)
    {
        var text = _tokens.Span(token);
        while (true)
        {
            var dot = text.IndexOf('.');
            if (dot < 0)
            {
                key.Current.Append(text);
                key.HasContent |= text.Length > 0;
                return;
            }

            key.Current.Append(text[..dot]);
            if (!key.HasContent && dot == 0)
            {
                throw Error(token, path, "key has an empty path segment (quote a key that holds a dot or is empty)");
            }

            key.EndSegment();
            text = text[(dot + 1)..];
            if (text.Length == 0 && _tokens.Peek().Kind != TokenKind.Quoted)
            {
                throw Error(token, path, "key ends with '.' (quote a key that holds a dot)");
            }
        }
    }

    private readonly record struct Piece(Token Token, ConfigValue? Value = null, bool IsWhitespace = false);

    /// <summary>Reads a value: one or more simple values (a concatenation) up to a newline, ',', '}' or ']'.</summary>
    private ConfigValue ParseValue(FieldPath path, Piece? alreadyRead = null)
    {
        Piece first = alreadyRead ?? default;
        var count = alreadyRead is null ? 0 : 1;
        List<Piece>? more = null;
        Token? pendingWhitespace = null;
        while (true)
        {
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                _tokens.Next();
                pendingWhitespace = count > 0 ? token : null;
                continue;
            }

            if (token.Kind is TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.End)
            {
                break;
            }

            var piece = ReadPiece(token, path, count);
            if (count == 0)
            {
                first = piece;
            }
            else
            {
                more ??= [first];
                if (pendingWhitespace is { } whitespace)
                {
                    more.Add(new Piece(whitespace, IsWhitespace: true));
                }

                more.Add(piece);
            }

            pendingWhitespace = null;
            count++;
        }

        if (count == 0)
        {
            var at = _tokens.Peek();
            throw Error(at, path, $"expected a value, found {Describe(at)}");
        }

        return more is null ? SimpleValue(first) : Concatenate(more, path);
    }

    private Piece ReadPiece(Token token, FieldPath path, int count)
    {
        switch (token.Kind)
        {
            case TokenKind.Unquoted:
            case TokenKind.Quoted:
                _tokens.Next();
                return new Piece(token);
            case TokenKind.Substitution:
                _tokens.Next();
                return new Piece(token, new ConfigSubstitution(_prefix.Append(token.Path!), token.Path!, token.Optional, Origin(token)));
            case TokenKind.OpenBrace:
                _tokens.Next();
                return new Piece(token, ParseObjectBody(braced: true, new PathNode(path), token));
            case TokenKind.OpenBracket:
                _tokens.Next();
                return new Piece(token, ParseArray(path, token));
            default:
                throw Error(token, path, count == 0
                    ? $"expected a value, found {Describe(token)}"
                    : $"unexpected {Describe(token)} in a value (quote text that holds it)");
        }
    }

    private ConfigValue SimpleValue(Piece piece)
    {
        if (piece.Value is not null)
        {
            return piece.Value;
        }

        var token = piece.Token;
        var origin = Origin(token);
        if (token.Kind == TokenKind.Quoted)
        {
            return new ConfigString(_tokens.TextOf(token), origin);
        }

        var span = _tokens.Span(token);
        switch (span)
        {
            case "true": return new ConfigBoolean(true, origin);
            case "false": return new ConfigBoolean(false, origin);
            case "null": return new ConfigNull(origin);
        }

        if (span.Length > 0 && (char.IsAsciiDigit(span[0]) || span[0] == '-') && ConfigNumber.IsJsonNumber(span))
        {
            var number = ConfigNumber.TryParse(span, origin);
            if (number is not null)
            {
                return number;
            }
        }

        return new ConfigString(span.ToString(), origin);
    }

    private string PieceText(Piece piece) =>
        piece.Token.Decoded ?? _tokens.Span(piece.Token).ToString();

    private ConfigValue Concatenate(List<Piece> pieces, FieldPath path)
    {
        var origin = Origin(pieces[0].Token);
        var hasSubstitution = pieces.Exists(p => p.Value is ConfigSubstitution);
        var structured = pieces.Find(p => p.Value is ConfigObject or ConfigArray).Value;
        if (structured is not null)
        {
            CheckStructuredPieces(pieces, structured, path);
        }

        if (hasSubstitution)
        {
            var values = new ConfigValue[pieces.Count];
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                values[i] = piece.IsWhitespace
                    ? new ConfigWhitespace(PieceText(piece), Origin(piece.Token))
                    : piece.Value ?? new ConfigString(PieceText(piece), Origin(piece.Token));
            }

            return new ConfigConcatenation(values, origin);
        }

        return structured is null ? ConcatenateText(pieces, origin) : ConcatenateStructured(pieces, structured, origin);
    }

    private ConfigString ConcatenateText(List<Piece> pieces, ConfigOrigin origin)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            text.Append(PieceText(piece));
        }

        return new ConfigString(text.ToString(), origin);
    }

    private static ConfigValue ConcatenateStructured(List<Piece> pieces, ConfigValue structured, ConfigOrigin origin)
    {
        switch (structured)
        {
            case ConfigArray:
                {
                    var items = new List<ConfigValue>();
                    foreach (var piece in pieces)
                    {
                        if (piece.Value is ConfigArray array)
                        {
                            items.AddRange(array.ItemArray);
                        }
                    }

                    return new ConfigArray([.. items], origin);
                }

            case ConfigObject:
                {
                    ConfigValue merged = pieces[0].Value!;
                    for (var i = 1; i < pieces.Count; i++)
                    {
                        if (pieces[i].Value is ConfigObject next)
                        {
                            merged = ConfigMerge.Merge(next, merged);
                        }
                    }

                    return merged.WithOrigin(origin);
                }

            default:
                throw new InvalidOperationException("not a structured value");
        }
    }

    /// <summary>Objects or lists concatenate with their own kind (and substitutions) only; whitespace between them is ignored.</summary>
    private void CheckStructuredPieces(List<Piece> pieces, ConfigValue structured, FieldPath path)
    {
        foreach (var piece in pieces)
        {
            if (piece.IsWhitespace || piece.Value is ConfigSubstitution)
            {
                continue;
            }

            if (piece.Value is null || piece.Value.Kind != structured.Kind)
            {
                var found = piece.Value?.Describe() ?? SimpleValue(piece).Describe();
                throw Error(piece.Token, path, $"cannot concatenate {structured.Describe()} with {found}");
            }
        }
    }

    private ConfigArray ParseArray(FieldPath path, in Token open)
    {
        Enter(open, path);
        var items = _scratchLists.Count > 0 ? _scratchLists.Pop() : [];
        try
        {
            ParseElements(items, path, open);
            return new ConfigArray(items.Count == 0 ? [] : [.. items], Origin(open));
        }
        finally
        {
            items.Clear();
            _scratchLists.Push(items);
            Leave();
        }
    }

    private void ParseElements(List<ConfigValue> items, FieldPath path, in Token open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.CloseBracket)
            {
                _tokens.Next();
                break;
            }

            if (token.Kind == TokenKind.End)
            {
                throw Error(token, path, $"unexpected end of file: the '[' at line {open.Line}, column {open.Column} is never closed");
            }

            items.Add(ParseValue(path.Element(items.Count)));
            SkipWhitespace();
            var separator = _tokens.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _tokens.Next();
                    SkipWhitespaceAndNewlines();
                    if (_tokens.Peek().Kind == TokenKind.Comma)
                    {
                        var second = _tokens.Peek();
                        throw Error(second, path, "two commas in a row in a list (an element is missing between them)");
                    }

                    break;
                case TokenKind.Newline:
                case TokenKind.CloseBracket:
                    break;
                case TokenKind.End:
                    throw Error(separator, path, $"unexpected end of file: the '[' at line {open.Line}, column {open.Column} is never closed");
                default:
                    throw Error(separator, path, $"expected ',' or ']' after a list element, found {Describe(separator)}");
            }
        }
    }

    private void ParseInclude(FieldTable fields, PathNode? path)
    {
        var keyword = _tokens.Next();
        var before = new StringBuilder();
        var after = new StringBuilder();
        string? name = null;
        var nameToken = keyword;
        while (true)
        {
            var token = _tokens.Peek();
            if (token.Kind is TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.End)
            {
                break;
            }

            _tokens.Next();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    break;
                case TokenKind.Quoted when name is null:
                    name = _tokens.TextOf(token);
                    nameToken = token;
                    break;
                case TokenKind.Unquoted:
                    (name is null ? before : after).Append(_tokens.Span(token));
                    break;
                default:
                    throw Error(token, path, $"unexpected {Describe(token)} in an include statement");
            }
        }

        var form = before.ToString();
        var closing = after.ToString();
        var required = form.StartsWith("required(", StringComparison.Ordinal);
        var inner = required ? form["required(".Length..] : form;
        var expectedClosing = (required ? 1 : 0) + (inner.Length > 0 ? 1 : 0);
        if (name is null || inner is not ("" or "file(" or "classpath(" or "url(") || !string.Equals(closing, new string(')', expectedClosing), StringComparison.Ordinal))
        {
            throw Error(keyword, path, "malformed include: expected include \"name\", include file(\"name\"), include classpath(\"name\"), include url(\"name\") or include required(...)");
        }

        var included = inner switch
        {
            "classpath(" => IncludeResource(name, required, nameToken, path),
            "url(" => throw Error(nameToken, path, $"include url(\"{name}\"): URL includes are not supported (configuration loading does no network I/O); download the file and include it with file(...)"),
            _ => IncludeFile(name, required, nameToken, path),
        };

        if (included is null)
        {
            return;
        }

        foreach (var (key, value) in included.FieldMap)
        {
            fields.Set(key, fields.TryGetValue(key, out var previous) ? ConfigMerge.Merge(value, previous) : value);
        }
    }

    private ConfigObject? IncludeFile(string name, bool required, in Token at, PathNode? path)
    {
        var baseDirectory = _filePath is null
            ? _context.Options.BaseDirectory ?? Environment.CurrentDirectory
            : Path.GetDirectoryName(_filePath) ?? Environment.CurrentDirectory;
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, name));
        var displayName = Path.IsPathRooted(name) ? name : Path.Combine(Path.GetDirectoryName(_tokens.File) ?? string.Empty, name);
        if (!File.Exists(fullPath) && !Path.HasExtension(fullPath))
        {
            // The specification's heuristic for a name without extension.
            foreach (var extension in (ReadOnlySpan<string>)[".conf", ".json"])
            {
                if (File.Exists(fullPath + extension))
                {
                    fullPath += extension;
                    displayName += extension;
                    break;
                }
            }
        }

        if (!File.Exists(fullPath))
        {
            if (!required && _context.Options.AllowMissingIncludes)
            {
                return null;
            }

            throw Error(at, path, $"include \"{name}\": file not found ({fullPath})");
        }

        var chainIndex = _context.IncludeChain.FindIndex(p => string.Equals(p, fullPath, StringComparison.Ordinal));
        if (chainIndex >= 0)
        {
            var cycle = string.Join(" -> ", _context.IncludeChainNames.Skip(chainIndex).Append(displayName));
            throw Error(at, path, $"include cycle: {cycle}");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(Origin(at), _prefix.Append(PathNode.ToPath(path)).ToString(), $"include \"{name}\": cannot read {fullPath}: {e.Message}", e);
        }

        return ParseIncluded(text, displayName, fullPath, path);
    }

    private ConfigObject? IncludeResource(string name, bool required, in Token at, PathNode? path)
    {
        var resourceName = name.Replace('/', '.');
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            foreach (var candidate in assembly.GetManifestResourceNames())
            {
                if (string.Equals(candidate, resourceName, StringComparison.Ordinal) || candidate.EndsWith("." + resourceName, StringComparison.Ordinal))
                {
                    var text = ConfigFactory.ReadResource(assembly, candidate);
                    return ParseIncluded(text, assembly.GetName().Name + ":" + candidate, "resource:" + assembly.FullName + ":" + candidate, path);
                }
            }
        }

        if (!required && _context.Options.AllowMissingIncludes)
        {
            return null;
        }

        throw Error(at, path, $"include classpath(\"{name}\"): no embedded resource of that name in the loaded assemblies");
    }

    private ConfigObject ParseIncluded(string text, string displayName, string identity, PathNode? path)
    {
        if (_context.IncludeChain.Count == 0)
        {
            // The including document itself is the start of the chain.
            _context.IncludeChain.Add(_filePath ?? "<string>");
            _context.IncludeChainNames.Add(_tokens.File);
        }

        _context.IncludeChain.Add(identity);
        _context.IncludeChainNames.Add(displayName);
        try
        {
            return ParseDocument(text, displayName, identity.StartsWith("resource:", StringComparison.Ordinal) ? null : identity, _prefix.Append(PathNode.ToPath(path)), _context);
        }
        finally
        {
            _context.IncludeChain.RemoveAt(_context.IncludeChain.Count - 1);
            _context.IncludeChainNames.RemoveAt(_context.IncludeChainNames.Count - 1);
        }
    }
}
