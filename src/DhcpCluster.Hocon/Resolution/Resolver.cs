using System.Text;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>
/// Resolves substitutions over a whole configuration tree. A substitution is looked up in the tree (at its path
/// relative to the include point first, then from the root), then in the environment. Inside the value of a key
/// <c>k</c>, a reference to <c>k</c> itself (or below it) sees the value <c>k</c> had before that assignment
/// (self-referential substitutions, <c>+=</c>). Cycles are reported with their chain.
/// </summary>
internal sealed class Resolver
{
    // Substitutions resolving through substitutions are followed recursively; this bounds the recursion.
    private const int MaxChain = 200;

    private readonly ConfigObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<ConfigPath, ConfigValue?> _memo = [];
    private readonly HashSet<ConfigValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<(ConfigSubstitution Substitution, ConfigPath Field)> _lookups = [];

    private Resolver(ConfigObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static ConfigObject Resolve(ConfigObject root, Func<string, string?>? environment = null)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new Resolver(root, environment ?? Environment.GetEnvironmentVariable);
        return resolver.ResolveObject(root, ConfigPath.Root, Overrides.None);
    }

    /// <summary>Values that stand in for keys while a self-referential value is resolved (a short immutable list).</summary>
    private sealed class Overrides
    {
        public static readonly Overrides None = new(null!, null, null);

        private Overrides(ConfigPath path, ConfigValue? value, Overrides? next)
        {
            Path = path;
            Value = value;
            Next = next;
        }

        public ConfigPath Path { get; }

        public ConfigValue? Value { get; }

        public Overrides? Next { get; }

        public bool IsEmpty => ReferenceEquals(this, None);

        public Overrides With(ConfigPath path, ConfigValue? value) => new(path, value, IsEmpty ? null : this);

        public bool TryGet(ConfigPath path, out ConfigValue? value)
        {
            for (var o = IsEmpty ? null : this; o is not null; o = o.Next)
            {
                if (o.Path.Equals(path))
                {
                    value = o.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public bool CoversAnyPrefixOf(ConfigPath path)
        {
            for (var o = IsEmpty ? null : this; o is not null; o = o.Next)
            {
                if (path.StartsWith(o.Path))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private ConfigObject ResolveObject(ConfigObject value, ConfigPath path, Overrides overrides)
    {
        if (value.IsResolved)
        {
            return value;
        }

        var fields = new FieldTable(value.Count);
        foreach (var (key, child) in value.FieldMap)
        {
            var resolved = ResolveField(child, path.Append(key), overrides);
            if (resolved is not null)
            {
                fields.Set(key, resolved);
            }
        }

        return new ConfigObject(fields, value.Origin);
    }

    /// <summary>Resolves the value found at <paramref name="path"/>; null when it is an undefined optional substitution.</summary>
    private ConfigValue? ResolveField(ConfigValue raw, ConfigPath path, Overrides overrides)
    {
        if (raw.IsResolved)
        {
            return raw;
        }

        if (raw is ConfigObject obj)
        {
            return ResolveObject(obj, path, overrides);
        }

        var memoable = !overrides.CoversAnyPrefixOf(path);
        if (memoable && _memo.TryGetValue(path, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(raw))
        {
            var chain = string.Join(" -> ", _lookups.Select(l => l.Substitution.Describe()));
            var (origin, field) = _lookups.Count > 0 ? (_lookups[^1].Substitution.Origin, _lookups[^1].Field) : (raw.Origin, path);
            throw new ConfigException(origin, field.ToString(), $"substitution cycle: {chain}");
        }

        ConfigValue? result;
        try
        {
            result = raw is ConfigMergeStack stack
                ? ResolveStack(stack, path, overrides)
                : ResolveValue(raw, path, overrides.With(path, null));
        }
        finally
        {
            _inProgress.Remove(raw);
        }

        if (memoable)
        {
            _memo[path] = result;
        }

        return result;
    }

    /// <summary>
    /// Resolves the assignments of one key, last first. Each assignment that refers to the key itself needs the
    /// value below it, so a run of them (<c>a += 1</c> a thousand times) is resolved from the bottom up in a loop
    /// rather than by recursion; assignments below a value that does not need them are never resolved.
    /// </summary>
    private ConfigValue? ResolveStack(ConfigMergeStack stack, ConfigPath path, Overrides overrides)
    {
        var chain = new List<ConfigValue>();
        ConfigValue? current = stack;
        while (current is ConfigMergeStack link && RefersTo(link.Top, path))
        {
            chain.Add(link.Top);
            current = link.Below;
        }

        // 'current' is the first assignment that does not refer to the key (or the bottom), resolved top-down.
        var value = current switch
        {
            null => null,
            ConfigMergeStack link => ResolveAssignment(link.Top, link.Below, path, overrides),
            _ => ResolveAssignment(current, null, path, overrides),
        };

        // Items appended by a run of 'key += ...' collect here, so that n appends cost O(n), not O(n²).
        List<ConfigValue>? appended = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (value is null or ConfigArray && IsPlainAppend(chain[i], path, out var addition))
            {
                appended ??= value is ConfigArray array ? [.. array.ItemArray] : [];
                value ??= addition;
                var items = ResolveValue(addition, path, overrides.With(path, null)) as ConfigArray;
                appended.AddRange(items!.ItemArray);
                continue;
            }

            if (appended is not null)
            {
                value = new ConfigArray([.. appended], value!.Origin);
                appended = null;
            }

            var resolved = ResolveValue(chain[i], path, overrides.With(path, value));
            value = resolved switch
            {
                null => value,
                ConfigObject top when value is ConfigObject below => ConfigMerge.MergeObjects(top, below),
                _ => resolved,
            };
        }

        return appended is null ? value : new ConfigArray([.. appended], value!.Origin);
    }

    /// <summary>
    /// True for what <c>key += [value]</c> becomes, <c>key = ${?key} [value]</c>, when the appended value does not
    /// itself refer to the key: it can be appended to the items collected so far.
    /// </summary>
    private static bool IsPlainAppend(ConfigValue link, ConfigPath path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigArray? addition)
    {
        addition = link is ConfigConcatenation { Pieces: [ConfigSubstitution { Optional: true } self, ConfigArray appended] }
            && self.Path.Equals(path) && !RefersTo(appended, path)
            ? appended
            : null;
        return addition is not null;
    }

    /// <summary>Resolves one assignment, falling back to (and, for an object, merging with) what is below it.</summary>
    private ConfigValue? ResolveAssignment(ConfigValue top, ConfigValue? below, ConfigPath path, Overrides overrides)
    {
        ConfigValue? resolvedTop = top switch
        {
            ConfigObject o => ResolveObject(o, path, overrides),
            _ when top.IsResolved => top,
            _ => ResolveValue(top, path, overrides.With(path, below)),
        };

        if (below is null || (resolvedTop is not null and not ConfigObject))
        {
            return resolvedTop;
        }

        var resolvedBelow = below is ConfigMergeStack stack ? ResolveStack(stack, path, overrides) : ResolveField(below, path, overrides.With(path, null));
        return resolvedTop switch
        {
            null => resolvedBelow,
            ConfigObject topObject when resolvedBelow is ConfigObject belowObject => ConfigMerge.MergeObjects(topObject, belowObject),
            _ => resolvedTop,
        };
    }

    /// <summary>True when <paramref name="value"/> holds a substitution of <paramref name="path"/> or of a key below it.</summary>
    private static bool RefersTo(ConfigValue value, ConfigPath path) => value switch
    {
        ConfigSubstitution s => s.Path.StartsWith(path),
        ConfigConcatenation c => Array.Exists(c.Pieces, p => RefersTo(p, path)),
        ConfigArray a => !a.IsResolved && Array.Exists(a.ItemArray, i => RefersTo(i, path)),
        ConfigObject o => !o.IsResolved && o.Fields.Any(f => RefersTo(f.Value, path)),
        ConfigMergeStack m => RefersTo(m.Top, path) || RefersTo(m.Below, path),
        _ => false,
    };

    private ConfigValue? ResolveValue(ConfigValue value, ConfigPath path, Overrides overrides)
    {
        if (value.IsResolved)
        {
            return value;
        }

        switch (value)
        {
            case ConfigObject obj:
                return ResolveObject(obj, path, overrides);
            case ConfigArray array:
                {
                    var items = new List<ConfigValue>(array.Count);
                    for (var i = 0; i < array.Count; i++)
                    {
                        var item = array.ItemArray[i];
                        var resolved = item.IsResolved ? item : ResolveValue(item, path.Append(ConfigPath.ElementSegment(i)), overrides);
                        if (resolved is not null)
                        {
                            items.Add(resolved);
                        }
                    }

                    return new ConfigArray([.. items], array.Origin);
                }

            case ConfigSubstitution substitution:
                return Lookup(substitution, path, overrides);
            case ConfigConcatenation concatenation:
                return ResolveConcatenation(concatenation, path, overrides);
            case ConfigMergeStack stack:
                return ResolveField(stack, path, overrides);
            default:
                throw new InvalidOperationException($"unexpected unresolved value {value.GetType().Name}");
        }
    }

    private ConfigValue? ResolveConcatenation(ConfigConcatenation concatenation, ConfigPath path, Overrides overrides)
    {
        var resolved = new List<ConfigValue>(concatenation.Pieces.Length);
        ConfigValue? structured = null;
        var defined = 0;
        foreach (var piece in concatenation.Pieces)
        {
            var value = ResolveValue(piece, path, overrides);
            if (value is null)
            {
                continue;
            }

            resolved.Add(value);
            if (value is ConfigWhitespace)
            {
                continue;
            }

            defined++;
            if (value is ConfigObject or ConfigArray)
            {
                structured ??= value;
            }
        }

        if (defined == 0)
        {
            return null;
        }

        if (structured is null)
        {
            if (defined == 1 && resolved.Count == 1)
            {
                return resolved[0];
            }

            var text = new StringBuilder();
            foreach (var value in resolved)
            {
                text.Append(((ConfigScalar)value).Text);
            }

            return new ConfigString(text.ToString(), concatenation.Origin);
        }

        return ConcatenateStructured(resolved, structured, concatenation.Origin, path);
    }

    private static ConfigValue ConcatenateStructured(List<ConfigValue> resolved, ConfigValue structured, ConfigOrigin origin, ConfigPath path)
    {
        foreach (var value in resolved)
        {
            if (value is not ConfigWhitespace && value.Kind != structured.Kind)
            {
                throw new ConfigException(value.Origin, path.ToString(), $"cannot concatenate {structured.Describe()} with {value.Describe()}");
            }
        }

        if (structured is ConfigArray)
        {
            var items = new List<ConfigValue>();
            foreach (var value in resolved)
            {
                if (value is ConfigArray array)
                {
                    items.AddRange(array.ItemArray);
                }
            }

            return new ConfigArray([.. items], origin);
        }

        ConfigObject? merged = null;
        foreach (var value in resolved)
        {
            if (value is ConfigObject obj)
            {
                merged = merged is null ? obj : ConfigMerge.MergeObjects(obj, merged);
            }
        }

        return merged!.WithOrigin(origin);
    }

    private ConfigValue? Lookup(ConfigSubstitution substitution, ConfigPath path, Overrides overrides)
    {
        if (_lookups.Count >= MaxChain)
        {
            throw new ConfigException(substitution.Origin, path.ToString(), $"substitution chain longer than {MaxChain} (a substitution whose value is a substitution, and so on)");
        }

        _lookups.Add((substitution, path));
        try
        {
            var found = Find(substitution.Path, overrides);
            if (found is null && !substitution.Path.Equals(substitution.WrittenPath))
            {
                found = Find(substitution.WrittenPath, overrides);
            }

            if (found is not null)
            {
                return found;
            }

            var variable = substitution.WrittenPath.ToPlainString();
            var fromEnvironment = _environment(variable);
            if (fromEnvironment is not null)
            {
                return new ConfigString(fromEnvironment, substitution.Origin);
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw new ConfigException(
                substitution.Origin,
                path.ToString(),
                $"unresolved substitution {substitution.Describe()}: no such key in the configuration and no environment variable {variable}");
        }
        finally
        {
            _lookups.RemoveAt(_lookups.Count - 1);
        }
    }

    /// <summary>
    /// Finds and resolves the value at <paramref name="target"/>; null when there is none. A value that stands in for
    /// a key being assigned (a self-reference) is resolved in the current context; a value of the tree itself is
    /// resolved on its own terms (the root context), so that a cycle through other keys is seen as a cycle.
    /// </summary>
    private ConfigValue? Find(ConfigPath target, Overrides overrides)
    {
        ConfigValue? current = _root;
        var segments = target.SegmentArray;
        var context = Overrides.None;
        for (var i = 0; i < segments.Length; i++)
        {
            var prefix = target.Prefix(i + 1);
            ConfigValue? child;
            if (overrides.TryGet(prefix, out var replacement))
            {
                child = replacement;
                context = overrides;
            }
            else if (current is ConfigObject obj)
            {
                obj.TryGetValue(segments[i], out child);
            }
            else
            {
                child = null;
            }

            if (child is null)
            {
                return null;
            }

            if (i == segments.Length - 1)
            {
                return ResolveField(child, prefix, context);
            }

            current = child is ConfigObject || child.IsResolved ? child : ResolveField(child, prefix, context);
        }

        return current;
    }
}
