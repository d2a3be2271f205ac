using System.Text.Json;
using Swf.Exceptions;
using Swf.LocalEngine.Journal;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>Lambda tasks run by functions registered with the engine, and the failures SWF records for them.</summary>
public sealed class LambdaFunctionTests
{
    [Fact]
    public async Task ScheduleLambdaFunction_RegisteredFunction_RecordsScheduledStartedCompletedThenDecisionTask()
    {
        string? seen = null;
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["echo"] = (input, _) =>
        {
            seen = input;
            return Task.FromResult<string?>("out:" + input);
        });
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "echo", "in", "30"));
        // The function may already have returned on its thread pool thread (then this returns false at once): either
        // way its outcome is recorded when the wait ends, which is what the history below checks.
        await h.Engine.WaitForLambdaFunctionsAsync();

        var history = await h.HistoryAsync(runId);
        Assert.Equal(
            ["LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionCompleted", "DecisionTaskScheduled"],
            history.Skip(4).Select(e => e.EventType.Value));
        var scheduled = history[4].LambdaFunctionScheduledEventAttributes!;
        Assert.Equal(("l1", "echo", "in", "30", 4L), (scheduled.Id, scheduled.Name, scheduled.Input, scheduled.StartToCloseTimeout, scheduled.DecisionTaskCompletedEventId));
        Assert.Equal(5, history[5].LambdaFunctionStartedEventAttributes!.ScheduledEventId);
        var completed = history[6].LambdaFunctionCompletedEventAttributes!;
        Assert.Equal(("out:in", 5L, 6L), (completed.Result, completed.ScheduledEventId, completed.StartedEventId));
        Assert.Equal("in", seen);
        Assert.Equal(0, (await h.DescribeAsync(runId)).OpenCounts.OpenLambdaFunctions);
        Assert.False(await h.Engine.WaitForLambdaFunctionsAsync());
    }

    [Fact]
    public async Task ScheduleLambdaFunction_FunctionRunning_CountsAsOpenAndNeedsNoDecisionTaskUntilItReturns()
    {
        var release = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["slow"] = (_, _) => release.Task);
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "slow"));

        Assert.Equal(1, (await h.DescribeAsync(runId)).OpenCounts.OpenLambdaFunctions);
        Assert.Equal(EventType.LambdaFunctionStarted, (await h.HistoryAsync(runId))[^1].EventType);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());

        release.SetResult("done");
        await h.Engine.WaitForLambdaFunctionsAsync();

        Assert.Equal("done", (await h.HistoryAsync(runId))[^2].LambdaFunctionCompletedEventAttributes!.Result);
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task ScheduleLambdaFunction_FunctionThrows_RecordsFailedWithLambdaErrorDocument()
    {
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["bad"] = (_, _) => throw new InvalidOperationException("no stock"));
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "bad"));
        await h.Engine.WaitForLambdaFunctionsAsync();

        var history = await h.HistoryAsync(runId);
        var failed = history[^2].LambdaFunctionFailedEventAttributes!;
        Assert.Equal((5L, 6L), (failed.ScheduledEventId, failed.StartedEventId));
        Assert.Equal("System.InvalidOperationException", failed.Reason);
        using var details = JsonDocument.Parse(failed.Details!);
        Assert.Equal("System.InvalidOperationException", details.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("no stock", details.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, details.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task ScheduleLambdaFunction_ResultOverLimit_RecordsFailed()
    {
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["big"] = (_, _) => Task.FromResult<string?>(new string('x', 32_769)));
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "big"));
        await h.Engine.WaitForLambdaFunctionsAsync();

        var failed = (await h.HistoryAsync(runId))[^2].LambdaFunctionFailedEventAttributes!;
        Assert.Equal(typeof(PayloadTooLargeException).FullName, failed.Reason);
        Assert.Contains("Lambda function big result", failed.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleLambdaFunction_StartToCloseElapses_TimesOutCancelsTokenAndDropsLateResult()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["slow"] = async (_, token) =>
        {
            token.Register(() => cancelled.TrySetResult());
            await release.Task;
            return "late";
        });
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleLambda("l1", "slow", startToCloseTimeout: "30"));

        h.AdvanceSeconds(29);
        Assert.Equal(EventType.LambdaFunctionStarted, (await h.HistoryAsync(runId))[^1].EventType);
        h.AdvanceSeconds(1);

        await cancelled.Task;
        release.SetResult();
        await h.Engine.WaitForLambdaFunctionsAsync();
        var history = await h.HistoryAsync(runId);
        var timedOut = history[^2].LambdaFunctionTimedOutEventAttributes!;
        Assert.Equal((5L, 6L, LambdaFunctionTimeoutType.StartToClose), (timedOut.ScheduledEventId, timedOut.StartedEventId, timedOut.TimeoutType));
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
        Assert.DoesNotContain(history, e => e.EventType == EventType.LambdaFunctionCompleted);
        Assert.Equal(EpochPlus(30), history[^2].EventTimestamp);
    }

    [Fact]
    public async Task ScheduleLambdaFunction_NoTimeoutGiven_TimesOutAfterSwfDefaultOf900Seconds()
    {
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["never"] = (_, token) => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => (string?)null, TaskScheduler.Default));
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleLambda("l1", "never"));

        h.AdvanceSeconds(899);
        Assert.Equal(EventType.LambdaFunctionStarted, (await h.HistoryAsync(runId))[^1].EventType);
        h.AdvanceSeconds(1);
        await h.Engine.WaitForLambdaFunctionsAsync();

        var history = await h.HistoryAsync(runId);
        Assert.Equal(EventType.LambdaFunctionTimedOut, history[^2].EventType);
        Assert.Equal(EpochPlus(900), history[^2].EventTimestamp);
    }

    [Fact]
    public async Task ScheduleLambdaFunction_NameNotRegistered_FailsLambdaServiceNotAvailableAsWithoutFunctions()
    {
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["other"] = (_, _) => Task.FromResult<string?>(null));
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "missing"));

        var history = await h.HistoryAsync(runId);
        var failed = history[4].ScheduleLambdaFunctionFailedEventAttributes!;
        Assert.Equal((ScheduleLambdaFunctionFailedCause.LambdaServiceNotAvailableInRegion, "l1", "missing", 4L), (failed.Cause, failed.Id, failed.Name, failed.DecisionTaskCompletedEventId));
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
        Assert.False(await h.Engine.WaitForLambdaFunctionsAsync());
    }

    [Fact]
    public async Task ScheduleLambdaFunction_IdOfAnOpenLambdaTask_FailsIdAlreadyInUse()
    {
        var release = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["slow"] = (_, _) => release.Task);
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "slow"), D.ScheduleLambda("l1", "slow"));

        var failed = (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.ScheduleLambdaFunctionFailed).ScheduleLambdaFunctionFailedEventAttributes!;
        Assert.Equal(ScheduleLambdaFunctionFailedCause.IdAlreadyInUse, failed.Cause);
        release.SetResult(null);
        await h.Engine.WaitForLambdaFunctionsAsync();
    }

    [Fact]
    public async Task ScheduleLambdaFunction_PastTheOpenLimit_FailsOpenLambdaFunctionsLimitExceeded()
    {
        var release = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = await EngineHarness.CreateAsync(o =>
        {
            o.LambdaFunctions["slow"] = (_, _) => release.Task;
            o.MaxOpenLambdaFunctions = 1;
        });
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "slow"), D.ScheduleLambda("l2", "slow"));

        var failed = (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.ScheduleLambdaFunctionFailed).ScheduleLambdaFunctionFailedEventAttributes!;
        Assert.Equal((ScheduleLambdaFunctionFailedCause.OpenLambdaFunctionsLimitExceeded, "l2"), (failed.Cause, failed.Id));
        release.SetResult(null);
        await h.Engine.WaitForLambdaFunctionsAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("901")]
    [InlineData("NONE")]
    public async Task ScheduleLambdaFunction_TimeoutOutsideOneTo900Seconds_IsValidationExceptionAndRecordsNothing(string timeout)
    {
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["f"] = (_, _) => Task.FromResult<string?>(null));
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var before = await h.EventTypesAsync(runId);

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, D.ScheduleLambda("l1", "f", startToCloseTimeout: timeout)));

        Assert.Contains("scheduleLambdaFunctionDecisionAttributes.startToCloseTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 900", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await h.EventTypesAsync(runId));
    }

    [Fact]
    public async Task ScheduleLambdaFunction_RunClosesWhileFunctionRuns_CancelsTokenAndRecordsNothingMore()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = await EngineHarness.CreateAsync(o => o.LambdaFunctions["slow"] = async (_, token) =>
        {
            token.Register(() => cancelled.TrySetResult());
            await release.Task;
            return "late";
        });
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleLambda("l1", "slow"));

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });
        await cancelled.Task;
        release.SetResult();
        await h.Engine.WaitForLambdaFunctionsAsync();

        var history = await h.HistoryAsync(runId);
        Assert.Equal(EventType.WorkflowExecutionTerminated, history[^1].EventType);
        Assert.Equal(0, (await h.DescribeAsync(runId)).OpenCounts.OpenLambdaFunctions);
        Assert.Null(h.Engine.NextScheduledTime);
    }

    [Fact]
    public void Constructor_FunctionsAndJournal_Throws()
    {
        var options = new LocalSwfEngineOptions { Journal = new MemoryJournal() };
        options.LambdaFunctions["f"] = (_, _) => Task.FromResult<string?>(null);

        var error = Assert.Throws<ArgumentException>(() => new LocalSwfEngine(options));

        Assert.Contains("journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_FunctionsRegistered_Throws()
    {
        var options = new LocalSwfEngineOptions();
        options.LambdaFunctions["f"] = (_, _) => Task.FromResult<string?>(null);

        Assert.Throws<ArgumentException>(() => LocalSwfEngine.Restore(options, Array.Empty<JournalEntry>()));
    }

    private static DateTime EpochPlus(int seconds) => EngineHarness.Epoch.UtcDateTime.AddSeconds(seconds);
}
