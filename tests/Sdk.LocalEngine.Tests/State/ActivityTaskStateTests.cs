using Swf.LocalEngine.State;

namespace Swf.LocalEngine.Tests.State;

public sealed class ActivityTaskStateTests
{
    [Fact]
    public void Start_Scheduled_StartsWithItsEventAndToken()
    {
        var run = States.Run();
        var activity = States.Activity(run);

        activity.Start(3, "token");

        Assert.Equal(ActivityTaskPhase.Started, activity.Phase);
        Assert.Equal(3, activity.StartedEventId);
        Assert.Equal("token", activity.Token);
        Assert.False(activity.IsStartable);
    }

    [Fact]
    public void Start_AlreadyStarted_ThrowsNamingTheTransition()
    {
        var activity = States.Activity(States.Run());
        activity.Start(3, "token");

        var ex = Assert.Throws<InvalidOperationException>(() => activity.Start(4, "again"));

        Assert.Equal("Engine bug: activity task a1 of run r1 cannot Start from Started.", ex.Message);
    }

    [Fact]
    public void Close_Started_LeavesItsRun()
    {
        var run = States.Run();
        var activity = States.Activity(run);
        activity.Start(3, "token");

        activity.Close();

        Assert.Equal(ActivityTaskPhase.Closed, activity.Phase);
        Assert.Empty(run.Activities);
        Assert.Equal("Engine bug: activity task a1 of run r1 cannot Close from Closed.", Assert.Throws<InvalidOperationException>(activity.Close).Message);
    }

    [Fact]
    public void RecordHeartbeat_NotStarted_Throws()
    {
        var activity = States.Activity(States.Run());

        var ex = Assert.Throws<InvalidOperationException>(() => activity.RecordHeartbeat("d"));

        Assert.Equal("Engine bug: activity task a1 of run r1 cannot RecordHeartbeat from Scheduled.", ex.Message);
    }
}
