using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.LocalEngine.Journal;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>
/// Retention expiry by due time: a closed run is visible while <c>now - close time &lt;= retention</c> and
/// gone from then on, whatever order the runs closed in, after a snapshot or a journal replay too.
/// </summary>
public sealed class RetentionTests
{
    private static readonly ExecutionTimeFilter Always = new() { OldestDate = DateTime.UnixEpoch };

    [Fact]
    public async Task DescribeWorkflowExecution_ExactlyAtRetention_VisibleThenGoneOneMillisecondLater()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });

        h.Advance(TimeSpan.FromDays(7));
        Assert.Equal(runId, (await h.DescribeAsync(runId)).ExecutionInfo.Execution.RunId);
        Assert.NotEmpty(await h.HistoryAsync(runId));
        Assert.Equal(1, await CountClosedAsync(h.Engine, EngineHarness.Domain));

        h.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync(runId));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.HistoryAsync(runId));
        Assert.Equal(0, await CountClosedAsync(h.Engine, EngineHarness.Domain));
    }

    [Fact]
    public async Task DescribeWorkflowExecution_ManyRunsClosedOutOfStartOrder_EachGoneExactlyAfterItsOwnRetention()
    {
        const int Runs = 3_000;
        using var h = await EngineHarness.CreateAsync();
        var runIds = new string[Runs];
        for (var i = 0; i < Runs; i++)
        {
            runIds[i] = await h.StartAsync("w" + i);
        }

        // Closed newest first, one second apart: close order is the reverse of start order.
        var closedAt = new DateTimeOffset[Runs];
        for (var i = Runs - 1; i >= 0; i--)
        {
            h.AdvanceSeconds(1);
            closedAt[i] = h.Clock.GetUtcNow();
            await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "w" + i });
        }

        // Half of the runs past retention (those closed first, the high indices).
        h.Clock.SetUtcNow(closedAt[Runs / 2] + TimeSpan.FromDays(7));
        Assert.Equal(Runs / 2 + 1, await CountClosedAsync(h.Engine, EngineHarness.Domain));
        for (var i = 0; i < Runs; i++)
        {
            var (runId, workflowId) = (runIds[i], "w" + i);
            if (i <= Runs / 2)
            {
                Assert.Equal(runId, (await h.DescribeAsync(runId, workflowId)).ExecutionInfo.Execution.RunId);
            }
            else
            {
                await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync(runId, workflowId));
            }
        }

        h.Clock.SetUtcNow(closedAt[0] + TimeSpan.FromDays(7));
        Assert.Equal(runIds[0], (await h.DescribeAsync(runIds[0], "w0")).ExecutionInfo.Execution.RunId);
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await CountClosedAsync(h.Engine, EngineHarness.Domain));
    }

    [Fact]
    public async Task DescribeWorkflowExecution_FailedLookupOfAnExpiredRun_OtherRunsExpireOnTimeAfterwards()
    {
        using var h = await EngineHarness.CreateAsync();
        var first = await h.StartAsync("a");
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "a" });
        h.AdvanceSeconds(10);
        var second = await h.StartAsync("b");
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "b" });

        // The failed read takes its purge back (reads are all or nothing); the next read purges again.
        h.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1) - TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync(first, "a"));
        Assert.Equal(second, (await h.DescribeAsync(second, "b")).ExecutionInfo.Execution.RunId);
        h.AdvanceSeconds(10);
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync(second, "b"));
        Assert.Equal(0, await CountClosedAsync(h.Engine, EngineHarness.Domain));
    }

    [Fact]
    public async Task Restore_FromSnapshotOrJournal_RetainedRunsExpireAtTheSameBoundary()
    {
        var clock = new FakeTimeProvider(EngineHarness.Epoch);
        var journal = new MemoryJournal();
        var ids = 0;
        var options = new LocalSwfEngineOptions { TimeProvider = clock, Journal = journal, RunIdGenerator = () => $"run-{++ids}" };
        using var original = new LocalSwfEngine(options);
        await original.RegisterDomainAsync(new RegisterDomainRequest { Name = "d", WorkflowExecutionRetentionPeriodInDays = "1" });
        await original.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = "d", Name = "w", Version = "1", DefaultExecutionStartToCloseTimeout = "864000", DefaultTaskStartToCloseTimeout = "10",
            DefaultTaskList = new TaskList { Name = "l" }, DefaultChildPolicy = ChildPolicy.Terminate,
        });
        var runs = new List<(string WorkflowId, string RunId)>();
        for (var i = 0; i < 20; i++)
        {
            var id = "w" + i;
            var start = await original.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d", WorkflowId = id, WorkflowType = new WorkflowType { Name = "w", Version = "1" } });
            clock.Advance(TimeSpan.FromHours(1));
            await original.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = "d", WorkflowId = id });
            runs.Add((id, start.Run.RunId!));
        }

        var snapshot = original.CaptureSnapshot();
        using var stream = new MemoryStream();
        snapshot.WriteTo(stream);
        stream.Position = 0;
        var now = clock.GetUtcNow();
        var fromSnapshotClock = new FakeTimeProvider(now);
        var replayClock = new FakeTimeProvider(now);
        using var fromSnapshot = LocalSwfEngine.Restore(new LocalSwfEngineOptions { TimeProvider = fromSnapshotClock }, EngineSnapshot.ReadFrom(stream), []);
        using var replayed = LocalSwfEngine.Restore(new LocalSwfEngineOptions { TimeProvider = replayClock }, journal.Entries);

        // Run i closed at Epoch + (i + 1) h; with one day's retention it is gone after Epoch + (i + 25) h.
        foreach (var (engine, engineClock) in new[] { (original, clock), (fromSnapshot, fromSnapshotClock), (replayed, replayClock) })
        {
            engineClock.SetUtcNow(EngineHarness.Epoch + TimeSpan.FromHours(10 + 24));
            Assert.Equal(11, await CountClosedAsync(engine, "d"));
            await AssertVisibleAsync(engine, runs[9], visible: true);
            await AssertVisibleAsync(engine, runs[8], visible: false);
            engineClock.Advance(TimeSpan.FromMilliseconds(1));
            await AssertVisibleAsync(engine, runs[9], visible: false);
            await AssertVisibleAsync(engine, runs[10], visible: true);
            Assert.Equal(10, await CountClosedAsync(engine, "d"));
        }
    }

    private static async Task AssertVisibleAsync(LocalSwfEngine engine, (string WorkflowId, string RunId) run, bool visible)
    {
        var request = new DescribeWorkflowExecutionRequest
        {
            Domain = "d", Execution = new WorkflowExecution { WorkflowId = run.WorkflowId, RunId = run.RunId },
        };
        if (visible)
        {
            Assert.Equal(run.RunId, (await engine.DescribeWorkflowExecutionAsync(request)).WorkflowExecutionDetail.ExecutionInfo.Execution.RunId);
        }
        else
        {
            await Assert.ThrowsAsync<UnknownResourceException>(() => engine.DescribeWorkflowExecutionAsync(request));
        }
    }

    private static async Task<int> CountClosedAsync(LocalSwfEngine engine, string domain) =>
        (await engine.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = Always })).WorkflowExecutionCount.Count;
}
