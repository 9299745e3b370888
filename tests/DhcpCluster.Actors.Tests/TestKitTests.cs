namespace DhcpCluster.Actors.Tests;

public sealed class TestKitTests : TestKit
{
    [Fact]
    public void ExpectMsg_variants_pass_and_fail_as_they_should()
    {
        TestActor.Tell("a");
        Assert.Equal("a", ExpectMsg<string>());
        TestActor.Tell(5);
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());
        TestActor.Tell(6);
        ExpectMsg<int>(i => i % 2 == 0);
        TestActor.Tell(7);
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<int>(i => i % 2 == 0));
        TestActor.Tell("x");
        Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(s => Assert.Equal("y", s)));
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("surprise");
        Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(200)));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void FishForMessage_and_ReceiveN()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            TestActor.Tell(i);
        }

        Assert.Equal(3, FishForMessage<int>(i => i == 3));
        Assert.Equal(new object[] { 4, 5 }, ReceiveN(2));
        Assert.Throws<TestKitAssertionException>(() => ReceiveN(1, TimeSpan.FromMilliseconds(50)));
        Assert.Throws<TestKitAssertionException>(() => FishForMessage<int>(_ => true, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Within_bounds_the_block_and_the_expectations_inside()
    {
        Within(TimeSpan.FromSeconds(2), () =>
        {
            TestActor.Tell("in time");
            ExpectMsg("in time");
            Assert.True(Remaining <= Dilated(TimeSpan.FromSeconds(2)));
        });
        Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromMilliseconds(100), () => Thread.Sleep(Dilated(TimeSpan.FromMilliseconds(300)))));
        Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => { }));
    }

    [Fact]
    public void AwaitAssert_and_AwaitCondition_poll_until_true_or_fail()
    {
        var start = DateTime.UtcNow;
        AwaitAssert(() => Assert.True(DateTime.UtcNow - start > TimeSpan.FromMilliseconds(250)), TimeSpan.FromSeconds(3));
        AwaitCondition(() => DateTime.UtcNow - start > TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(250)));
        Assert.Throws<TestKitAssertionException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public void Probes_have_their_own_queues_and_record_senders()
    {
        var probe = CreateTestProbe("probe1");
        probe.Tell("for probe", TestActor);
        probe.ExpectMsg("for probe");
        Assert.Equal(TestActor, probe.LastSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        probe.Reply("back");
        ExpectMsg("back");
        Assert.Equal(probe.Ref, LastSender);
    }
}
