using Microsoft.Extensions.Time.Testing;
using Swf.LocalServer.Clock;

namespace Swf.LocalServer.Tests;

public sealed class SteerableClockTests
{
    private static readonly DateTimeOffset T0 = new(2031, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_ManualClock_FiresDueTimersInOrderOnTheCallingThread()
    {
        var clock = new SteerableClock(new FakeTimeProvider(T0), running: false, T0);
        var fired = new List<string>();
        var thread = Environment.CurrentManagedThreadId;
        using var late = clock.CreateTimer(_ => fired.Add($"late {Environment.CurrentManagedThreadId == thread}"), null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add($"early {Environment.CurrentManagedThreadId == thread}"), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var never = clock.CreateTimer(_ => fired.Add("never"), null, TimeSpan.FromHours(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromHours(1.5));

        Assert.Equal(["early True", "late True"], fired);
        Assert.Equal(T0.AddMinutes(149), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_TimerRearmedByItsCallback_EachFiringSeesItsOwnDueTime()
    {
        var clock = new SteerableClock(new FakeTimeProvider(T0), running: false, T0);
        var fired = new List<DateTimeOffset>();
        ITimer? timer = null;
        timer = clock.CreateTimer(_ => { fired.Add(clock.GetUtcNow()); timer!.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan); }, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromHours(3.5));

        Assert.Equal([T0.AddHours(1), T0.AddHours(2), T0.AddHours(3)], fired);
        Assert.Equal(T0.AddHours(3.5), clock.GetUtcNow());
        timer.Dispose();
    }

    [Fact]
    public void GetUtcNow_RunningClock_FollowsTheBaseClockPlusWhatWasSkipped()
    {
        var time = new FakeTimeProvider(T0);
        var clock = new SteerableClock(time, running: true, T0.AddDays(1));

        time.Advance(TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(T0.AddDays(1).AddHours(1).AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public void RunningClock_BaseClockReachesDueTime_FiresTimer()
    {
        var time = new FakeTimeProvider(T0);
        var clock = new SteerableClock(time, running: true, T0);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, fired);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Dispose_ArmedTimer_NeverFires()
    {
        var clock = new SteerableClock(new FakeTimeProvider(T0), running: false, T0);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, fired);
    }
}
