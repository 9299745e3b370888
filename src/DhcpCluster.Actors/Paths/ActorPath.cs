using System.Text;

namespace DhcpCluster.Actors;

/// <summary>
/// The path of an actor: the address of its system followed by the names from the root, e.g.
/// <c>dhcp-cluster://sys@host:2552/user/parent/child</c>. Two paths are equal when their address
/// and names are equal; the <see cref="Uid"/> identifies one incarnation and is not part of equality.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private string? _text;

    /// <summary>The hash code once computed (0: not yet); refs hash their path on every dictionary lookup.</summary>
    private int _hash;

    private ActorPath(Address address, ActorPath? parent, string name, int uid)
    {
        Address = address;
        Parent = parent;
        Name = name;
        Uid = uid;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The address of the system the actor lives in.</summary>
    public Address Address { get; }

    /// <summary>The parent path, null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element ("/" for the root).</summary>
    public string Name { get; }

    /// <summary>The incarnation id of the actor (0 when unknown).</summary>
    public int Uid { get; }

    /// <summary>Number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The root of this path.</summary>
    public ActorPath Root
    {
        get
        {
            var p = this;
            while (p.Parent is not null)
            {
                p = p.Parent;
            }

            return p;
        }
    }

    /// <summary>The names below the root, in order.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var result = new string[Depth];
            var p = this;
            for (var i = Depth - 1; i >= 0; i--)
            {
                result[i] = p!.Name;
                p = p.Parent;
            }

            return result;
        }
    }

    /// <summary>Creates the root path of an address.</summary>
    public static ActorPath CreateRoot(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ActorPath(address, null, "/", 0);
    }

    /// <summary>Creates a child path.</summary>
    public ActorPath Child(string name, int uid = 0)
    {
        ValidateElement(name);
        return new ActorPath(Address, this, name, uid);
    }

    /// <summary>Creates a child path (Akka's <c>/</c> operator).</summary>
    public static ActorPath operator /(ActorPath path, string name) => path is null ? throw new ArgumentNullException(nameof(path)) : path.Child(name);

    /// <summary>Same path with another uid.</summary>
    public ActorPath WithUid(int uid) => uid == Uid ? this : new ActorPath(Address, Parent, Name, uid);

    /// <summary>Checks that a name can be an element of a path.</summary>
    /// <exception cref="InvalidActorNameException">When it cannot.</exception>
    public static void ValidateElement(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("An actor name must not be empty.");
        }

        foreach (var c in name)
        {
            if (c == '/' || c == '#' || c == '?' || c == '*' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidActorNameException($"Invalid actor name '{name}': it must not contain '/', '#', '?', '*' or white space.");
            }
        }
    }

    /// <summary>Parses a full path <c>protocol://system[@host:port]/a/b[#uid]</c>.</summary>
    /// <exception cref="FormatException">When the text is not a path.</exception>
    public static ActorPath Parse(string text)
    {
        if (!TryParse(text, out var path, out var error))
        {
            throw new FormatException(error);
        }

        return path;
    }

    /// <summary>Parses a full path, returning false and a reason when it is not one.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path, out string error)
    {
        path = null;
        error = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            error = "An actor path must not be empty.";
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = $"'{text}' is not an actor path: expected protocol://system[@host:port]/elements.";
            return false;
        }

        var slash = text.IndexOf('/', schemeEnd + 3);
        Address address;
        try
        {
            address = Address.Parse(slash < 0 ? text : text[..slash]);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }

        var current = CreateRoot(address);
        if (slash < 0)
        {
            path = current;
            return true;
        }

        var rest = text[(slash + 1)..];
        var uid = 0;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!int.TryParse(rest.AsSpan(hash + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out uid))
            {
                error = $"'{text}' has an invalid uid.";
                return false;
            }

            rest = rest[..hash];
        }

        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i];
            current = new ActorPath(address, current, name, i == parts.Length - 1 ? uid : 0);
        }

        path = current;
        return true;
    }

    /// <summary>The path without address: <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }

        var sb = new StringBuilder();
        AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>The full path with its uid: <c>protocol://sys/user/a#123</c>.</summary>
    public string ToSerializationFormat() => Uid == 0 ? ToString() : string.Concat(ToString(), "#", Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The same path under another address (used by transports to make a local path global).</summary>
    public ActorPath WithAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Parent is null)
        {
            return CreateRoot(address);
        }

        return new ActorPath(address, Parent.WithAddress(address), Name, Uid);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        var sb = new StringBuilder();
        sb.Append(Address.ToString());
        if (Parent is null)
        {
            sb.Append('/');
        }
        else
        {
            AppendElements(sb);
        }

        _text = sb.ToString();
        return _text;
    }

    private void AppendElements(StringBuilder sb)
    {
        if (Parent is null)
        {
            return;
        }

        Parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <inheritdoc/>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Depth != Depth)
        {
            return false;
        }

        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a.Parent is null)
            {
                return a.Address.Equals(b.Address);
            }

            a = a.Parent;
            b = b.Parent;
        }

        return false;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0)
        {
            return _hash;
        }

        var hash = new HashCode();
        var p = this;
        while (p.Parent is not null)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
            p = p.Parent;
        }

        hash.Add(p.Address);
        return _hash = hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(ActorPath? other) => other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Equality operator.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Ordering operator.</summary>
    public static bool operator <(ActorPath? left, ActorPath? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator <=(ActorPath? left, ActorPath? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >(ActorPath? left, ActorPath? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >=(ActorPath? left, ActorPath? right) => left is null ? right is null : left.CompareTo(right) >= 0;
}
