using Swf.Worker;

namespace Swf.Tests.Worker;

public sealed class HistoryBudgetWarningsTests
{
    [Fact]
    public void TryAdd_SameRunAndThresholdTwice_OnlyTheFirstWarns()
    {
        var warnings = new HistoryBudgetWarnings(10);

        Assert.True(warnings.TryAdd("run-1", 10_000));
        Assert.False(warnings.TryAdd("run-1", 10_000));
        Assert.True(warnings.TryAdd("run-1", 20_000));
        Assert.True(warnings.TryAdd("run-2", 10_000));
    }

    [Fact]
    public void TryAdd_PastCapacity_ForgetsTheOldestFirst()
    {
        var warnings = new HistoryBudgetWarnings(2);
        warnings.TryAdd("run-1", 10_000);
        warnings.TryAdd("run-2", 10_000);
        warnings.TryAdd("run-3", 10_000);

        Assert.False(warnings.TryAdd("run-3", 10_000));
        Assert.True(warnings.TryAdd("run-1", 10_000));
    }
}
