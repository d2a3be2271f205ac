using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>What a time-skipping clock asks the engine: whether every worker is idle, and to jump to the next due time.</summary>
public sealed class ClockSkipTests
{
    [Fact]
    public async Task SkipToNextScheduledTime_WorkersIdle_MovesToTheTimerAndFiresIt()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "31536000");
        await h.DecideAsync(D.StartTimer("day", 86400));
        Assert.True(h.Engine.IsIdle);

        var due = h.Engine.SkipToNextScheduledTime(h.Advance, onlyWhenIdle: true);

        Assert.Equal(EngineHarness.Epoch.AddDays(1), due);
        Assert.Equal(EngineHarness.Epoch.AddDays(1), h.Clock.GetUtcNow());
        Assert.Contains("TimerFired", await h.EventTypesAsync(runId));
        Assert.False(h.Engine.IsIdle);
    }

    [Fact]
    public async Task SkipToNextScheduledTime_DecisionTaskWaiting_OnlyWhenIdleDoesNotMove()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();

        Assert.False(h.Engine.IsIdle);
        Assert.Null(h.Engine.SkipToNextScheduledTime(h.Advance, onlyWhenIdle: true));
        Assert.Equal(EngineHarness.Epoch, h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task SkipToNextScheduledTime_DecisionTaskStarted_OnlyWhenIdleDoesNotMoveButForcedDoes()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.PollDecisionAsync();

        Assert.False(h.Engine.IsIdle);
        Assert.Null(h.Engine.SkipToNextScheduledTime(h.Advance, onlyWhenIdle: true));
        Assert.Equal(EngineHarness.Epoch, h.Clock.GetUtcNow());

        // Forced, the jump goes to the started task's start-to-close timeout, which times it out.
        var due = h.Engine.SkipToNextScheduledTime(h.Advance, onlyWhenIdle: false);

        Assert.NotNull(due);
        Assert.Contains("DecisionTaskTimedOut", await h.EventTypesAsync(runId));
    }

    [Fact]
    public async Task SkipToNextScheduledTime_NothingScheduled_ReturnsNullAndDoesNotMove()
    {
        using var h = await EngineHarness.CreateAsync();
        var moved = false;

        Assert.Null(h.Engine.SkipToNextScheduledTime(_ => moved = true, onlyWhenIdle: false));
        Assert.False(moved);
        Assert.True(h.Engine.IsIdle);
    }
}
