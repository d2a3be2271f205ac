using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.LocalEngine.Journal;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Tests;

public sealed class JournalTests
{
    [Fact]
    public async Task Restore_JournalOfARun_RebuildsHistoryAndTaskTokens()
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        var runId = await h.StartAsync(input: "order-1");
        await h.DecideAsync(D.ScheduleActivity("a1", "charge"), D.StartTimer("t1", 60));
        var activity = await h.PollActivityAsync();
        h.AdvanceSeconds(10);
        var restoredJournal = new MemoryJournal();

        using var restored = LocalSwfEngine.Restore(
            new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(h.Clock.GetUtcNow()), RunIdGenerator = () => "not-replayed", Journal = restoredJournal },
            journal.Entries);

        Assert.Equal(Json(await h.HistoryAsync(runId)), Json(await HistoryAsync(restored, runId)));
        Assert.Empty(restoredJournal.Entries);
        var completed = new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = "paid" };
        await restored.RespondActivityTaskCompletedAsync(completed);
        var result = (await HistoryAsync(restored, runId)).Single(e => e.EventType == EventType.ActivityTaskCompleted);
        Assert.Equal("paid", result.ActivityTaskCompletedEventAttributes!.Result);
        var entry = Assert.Single(restoredJournal.Entries);
        Assert.Same(completed, entry.Request);
        Assert.Equal(h.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task Restore_TimerDueWhileDown_FiresAsOfItsDueTimeAndJournalsTheCatchUp()
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        var runId = await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t1", 60));
        var restartedAt = EngineHarness.Epoch.AddSeconds(120);
        var restoredJournal = new MemoryJournal();

        using var restored = LocalSwfEngine.Restore(
            new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(restartedAt), Journal = restoredJournal },
            journal.Entries);

        var fired = (await HistoryAsync(restored, runId)).Single(e => e.EventType == EventType.TimerFired);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(60), fired.EventTimestamp);
        var tick = Assert.Single(restoredJournal.Entries);
        Assert.Null(tick.Request);
        Assert.Equal(restartedAt, tick.At);
        Assert.Empty(tick.Generated);
    }

    [Fact]
    public async Task Restore_RequestThatFailed_ReplaysAsTheSameFailure()
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        await Assert.ThrowsAsync<DomainAlreadyExistsException>(() =>
            h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = EngineHarness.Domain, WorkflowExecutionRetentionPeriodInDays = "1" }));

        using var restored = LocalSwfEngine.Restore(new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(h.Clock.GetUtcNow()) }, journal.Entries);

        Assert.IsType<RegisterDomainRequest>(journal.Entries[^1].Request);
        var domain = await restored.DescribeDomainAsync(new DescribeDomainRequest { Name = EngineHarness.Domain });
        Assert.Equal("7", domain.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays);
    }

    [Fact]
    public void Restore_EntryThatDoesNotReplay_ThrowsInvalidDataNamingTheEntry()
    {
        var at = EngineHarness.Epoch;
        JournalEntry[] entries =
        [
            new(at, new RegisterDomainRequest { Name = "d", WorkflowExecutionRetentionPeriodInDays = "1" }, 0, []),
            new(at, new PollForDecisionTaskRequest { Domain = "d", TaskList = new TaskList { Name = "decisions" } }, 42, []),
        ];

        JournalReplayFailure? failure = null;
        var ex = Assert.Throws<InvalidDataException>(() => LocalSwfEngine.Restore(new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(at) }, entries, f =>
        {
            failure = f;
            return false;
        }));

        Assert.Equal(
            "Journal entry 2 (PollForDecisionTask at 2024-01-01T00:00:00.0000000+00:00) does not replay on this engine: The journal does not match this engine: task 42 is not waiting on decisions.",
            ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.NotNull(failure);
        Assert.Equal(ex.Message, failure.Message);
        Assert.Equal(2, failure.Position);
        Assert.Same(entries[1], failure.Entry);
        Assert.Equal("PollForDecisionTask", failure.Operation);
        Assert.Same(ex.InnerException, failure.Error);
        Assert.Equal(ex.Message, Assert.Throws<InvalidDataException>(() => LocalSwfEngine.Restore(new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(at) }, entries)).Message);
    }

    // Defect: an entry that failed with anything but InvalidOperationException (FormatException, for the
    // empty duration) escaped Restore as it was, and swf-local died with an unhandled exception (exit 134).
    [Fact]
    public async Task Restore_EntryFailingWithABug_ThrowsInvalidDataNamingItsPositionOperationAndInstant()
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        await h.StartAsync();
        h.AdvanceSeconds(5);
        await h.DecideAsync(D.Marker("m"), D.StartTimer("t1", 60));
        var decided = journal.Entries.FindIndex(e => e.Request is RespondDecisionTaskCompletedRequest);

        var ex = Assert.Throws<InvalidDataException>(() => LocalSwfEngine.Restore(
            new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(h.Clock.GetUtcNow()), FaultHook = FailOnce("decision:2:StartTimer") },
            journal.Entries));

        Assert.Equal(

            $"Journal entry {decided + 1} (RespondDecisionTaskCompleted at 2024-01-01T00:00:05.0000000+00:00) does not replay on this engine: injected at decision:2:StartTimer",
            ex.Message);
    }

    [Fact]
    public async Task Restore_SkipEntry_SkipsItWithNoneOfItsChangesAndGoesOn()
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        var runId = await h.StartAsync();
        await h.DecideAsync(D.Marker("m"), D.StartTimer("t1", 60));
        await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "later" });
        var decided = journal.Entries.FindIndex(e => e.Request is RespondDecisionTaskCompletedRequest);
        var skipped = new List<JournalReplayFailure>();
        var now = h.Clock.GetUtcNow();

        using var restored = LocalSwfEngine.Restore(
            new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(now), FaultHook = FailOnce("decision:2:StartTimer") },
            journal.Entries,
            error =>
            {
                skipped.Add(error);
                return true;
            });
        using var withoutTheEntry = LocalSwfEngine.Restore(
            new LocalSwfEngineOptions { TimeProvider = new FakeTimeProvider(now) },
            journal.Entries.Where((_, i) => i != decided));

        Assert.Equal(decided + 1, Assert.Single(skipped).Position);
        Assert.Equal(withoutTheEntry.DescribeState(), restored.DescribeState());
        Assert.Equal(
            ["WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted", "WorkflowExecutionSignaled"],
            (await HistoryAsync(restored, runId)).Select(e => e.EventType.Value));
    }

    private static Action<string> FailOnce(string step)
    {
        var failed = false;
        return name =>
        {
            if (name == step && !failed)
            {
                failed = true;
                throw new FormatException("injected at " + name);
            }
        };
    }

    private static async Task<List<HistoryEvent>> HistoryAsync(LocalSwfEngine engine, string runId) =>
        (await engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain,
            Execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId },
        })).History.Events;

    private static List<string> Json(List<HistoryEvent> events) =>
        [.. events.Select(e => JsonSerializer.Serialize(e, SwfJsonContext.Default.HistoryEvent))];
}
