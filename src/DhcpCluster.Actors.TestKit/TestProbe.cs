namespace DhcpCluster.Actors.Testing;

/// <summary>An extra test actor with its own queue and expectations (Akka's <c>TestProbe</c>).</summary>
public sealed class TestProbe : TestKitBase, IActorRef
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, TestLogSink sink, string? name)
    {
        InitializeTest(system, settings, sink, name is null ? null : name);
    }

    /// <summary>The probe's actor reference.</summary>
    public IActorRef Ref => TestActor;

    /// <inheritdoc/>
    public ActorPath Path => TestActor.Path;

    /// <inheritdoc/>
    public void Tell(object message, IActorRef? sender) => TestActor.Tell(message, sender);

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => TestActor.Equals(other);

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other) => TestActor.CompareTo(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => TestActor.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"TestProbe({TestActor.Path})";
}
