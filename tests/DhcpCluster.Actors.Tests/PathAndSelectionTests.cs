namespace DhcpCluster.Actors.Tests;

public sealed class PathAndSelectionTests : TestKit
{
    private sealed class Node : ReceiveActor
    {
        public Node()
        {
            Receive<string>(s => s.StartsWith("make:", StringComparison.Ordinal), s => Sender.Tell(Context.ActorOf(Props.Create(() => new Node()), s[5..])));
            Receive<string>(s => s.StartsWith("select:", StringComparison.Ordinal), s => Context.ActorSelection(s[7..]).Tell("hello", Sender));
            Receive<string>(s => s is "hello", _ => Sender.Tell("hello from " + Self.Path.Name));
        }
    }

    [Fact]
    public void Address_and_path_format_and_parse()
    {
        var address = new Address("dhcp-cluster", "sys", "10.0.0.1", 2552);
        Assert.Equal("dhcp-cluster://sys@10.0.0.1:2552", address.ToString());
        Assert.Equal(address, Address.Parse("dhcp-cluster://sys@10.0.0.1:2552"));
        Assert.Equal(new Address("dhcp-cluster", "sys"), Address.Parse("dhcp-cluster://sys"));
        var path = ActorPath.Parse("dhcp-cluster://sys@10.0.0.1:2552/user/a/b#42");
        Assert.Equal(address, path.Address);
        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal(42, path.Uid);
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
        Assert.Equal("dhcp-cluster://sys@10.0.0.1:2552/user/a/b#42", path.ToSerializationFormat());
        Assert.Equal(path, ActorPath.Parse("dhcp-cluster://sys@10.0.0.1:2552/user/a/b"));
        Assert.NotEqual(path, ActorPath.Parse("dhcp-cluster://sys@10.0.0.2:2552/user/a/b"));
        Assert.Throws<FormatException>(() => ActorPath.Parse("no-scheme/user"));
        Assert.Throws<FormatException>(() => Address.Parse("dhcp-cluster://sys@host:notaport"));
    }

    [Fact]
    public void Selection_by_absolute_relative_and_wildcard_paths()
    {
        var a = ActorOf<Node>("a");
        a.Tell("make:b1", TestActor);
        ExpectMsg<IActorRef>();
        a.Tell("make:b2", TestActor);
        ExpectMsg<IActorRef>();
        Sys.ActorSelection("/user/a/b1").Tell("hello", TestActor);
        ExpectMsg("hello from b1");
        Sys.ActorSelection("a/b2").Tell("hello", TestActor);
        ExpectMsg("hello from b2");
        Sys.ActorSelection($"dhcp-cluster://{Sys.Name}/user/a").Tell("hello", TestActor);
        ExpectMsg("hello from a");
        Sys.ActorSelection("/user/a/b*").Tell("hello", TestActor);
        var replies = new[] { ExpectMsg<string>(), ExpectMsg<string>() }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["hello from b1", "hello from b2"], replies);
        a.Tell("select:b1/../b2", TestActor);
        ExpectMsg("hello from b2");
    }

    [Fact]
    public async Task ResolveOne_finds_the_actor_or_fails_clearly()
    {
        var a = ActorOf<Node>("resolved");
        Assert.Equal(a, await Sys.ActorSelection("/user/resolved").ResolveOne(TimeSpan.FromSeconds(3)));
        var e = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/missing").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_through_a_selection_to_nothing_answers_null()
    {
        Sys.ActorSelection("/user/nothing-here").Tell(new Identify("id"), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Null(identity.Subject);
        Assert.Equal("id", identity.MessageId);
    }

    [Fact]
    public void Provider_resolves_live_paths_and_sends_missing_ones_to_dead_letters()
    {
        var a = ActorOf<Node>("by-path");
        var system = (ExtendedActorSystem)Sys;
        Assert.Equal(a, system.ResolveActorRef(a.Path.ToString()));
        Assert.Equal(a, system.ResolveActorRef(a.Path.ToSerializationFormat()));
        var stale = system.ResolveActorRef(ActorPath.Parse(a.Path.ToString()).WithUid(a.Path.Uid + 1));
        Assert.IsType<EmptyLocalActorRef>(stale);
        Assert.True(system.Provider.HasAddress(a.Path.Address));
        Assert.False(system.Provider.HasAddress(new Address("dhcp-cluster", "other")));
    }

    [Fact]
    public void Refs_are_equal_by_path_and_uid()
    {
        var first = ActorOf<Node>("incarnation");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        var second = ActorOf<Node>("incarnation");
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
    }
}
