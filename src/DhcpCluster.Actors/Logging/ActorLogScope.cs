using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>The log scope of an actor: one property, <c>ActorPath</c>.</summary>
public sealed class ActorLogScope : IReadOnlyList<KeyValuePair<string, object>>
{
    /// <summary>Name of the scope property.</summary>
    public const string PropertyName = "ActorPath";

    internal ActorLogScope(ActorPath path) => Path = path;

    /// <summary>The actor's path.</summary>
    public ActorPath Path { get; }

    /// <inheritdoc/>
    public int Count => 1;

    /// <inheritdoc/>
    public KeyValuePair<string, object> this[int index] => index == 0
        ? new KeyValuePair<string, object>(PropertyName, Path.ToString())
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => Path.ToString();
}
