using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Swf.LocalEngine.Journal;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Tests;

public sealed partial class SnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2031, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<ulong> Seeds() => [.. Enumerable.Range(1, 24).Select(i => (ulong)i * 7919)];

    /// <summary>
    /// The snapshot round trip as a property: a random workload runs and a snapshot is taken. An engine
    /// restored from the snapshot alone, given the same calls as the original from then on, answers
    /// them exactly as the original does and ends in the same state. After more calls, an engine restored
    /// from the snapshot and the journal after it (and one from the whole journal) shows the same state
    /// as the original, and again answers the same calls the same way.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Restore_FromSnapshotAndJournalTail_SameStateAndSameAnswersAfterwards(ulong seed)
    {
        var runIds = new Counter();
        var clock = new FakeTimeProvider(T0);
        var journal = new MemoryJournal();
        using var original = new LocalSwfEngine(Options(clock, journal, runIds));
        await SnapshotWorkload.RegisterAsync(original);
        var workload = new SnapshotWorkload(seed);
        await RunAsync(workload, original, clock, 300);

        var snapshot = RoundTrip(original.CaptureSnapshot());
        Assert.Equal(original.JournalPosition, snapshot.JournalPosition);
        Assert.Equal(journal.Entries.Count, snapshot.JournalPosition);
        Assert.Equal(clock.GetUtcNow(), snapshot.TakenAt);
        var fromSnapshotClock = new FakeTimeProvider(clock.GetUtcNow());
        using (var fromSnapshot = LocalSwfEngine.Restore(Options(fromSnapshotClock, new MemoryJournal(), new Counter { Value = runIds.Value }), snapshot, []))
        {
            Assert.Equal(await ObserveAsync(original), await ObserveAsync(fromSnapshot));
            Assert.Equal(StateOf(original), StateOf(fromSnapshot));
            await InLockstepAsync(workload, original, clock, fromSnapshot, fromSnapshotClock, 150);
        }

        var restoredClock = new FakeTimeProvider(clock.GetUtcNow());
        using var restored = LocalSwfEngine.Restore(Options(restoredClock, new MemoryJournal(), new Counter { Value = runIds.Value }), snapshot, journal.Entries.Skip((int)snapshot.JournalPosition));
        using var replayed = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter { Value = runIds.Value }), journal.Entries);
        var state = await ObserveAsync(original);
        Assert.Equal(state, await ObserveAsync(restored));
        Assert.Equal(state, await ObserveAsync(replayed));
        Assert.Equal(StateOf(original), StateOf(restored));
        await InLockstepAsync(workload, original, clock, restored, restoredClock, 150);
    }

    /// <summary>Drives both engines with copies of the workload and checks they answered alike and ended alike.</summary>
    private static async Task InLockstepAsync(SnapshotWorkload workload, LocalSwfEngine original, FakeTimeProvider clock, LocalSwfEngine restored, FakeTimeProvider restoredClock, int steps)
    {
        var copy = workload.Clone();
        workload.Transcript.Clear();
        for (var i = 0; i < steps; i++)
        {
            await workload.StepAsync(original, clock);
            await copy.StepAsync(restored, restoredClock);
        }

        Assert.Equal(workload.Transcript.ToString(), copy.Transcript.ToString());
        Assert.Equal(await ObserveAsync(original), await ObserveAsync(restored));
        Assert.Equal(StateOf(original), StateOf(restored));
    }

    /// <summary>
    /// The engine's internal state, as a snapshot's JSON: sequence numbers, due times, token counters
    /// and all. Task tokens begin with a random salt (which differs between engines for tokens drawn
    /// after the restore), so only their kind and counter are kept.
    /// </summary>
    private static string StateOf(LocalSwfEngine engine)
    {
        using var unzip = new GZipStream(new MemoryStream(Bytes(engine.CaptureSnapshot())), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        return TokenSalt().Replace(reader.ReadToEnd(), "\"Token\":\"");
    }

    [GeneratedRegex(@"""Token"":""(?:[A-Za-z0-9/]|\\u002B|\\u002F)+==")]
    private static partial Regex TokenSalt();

    private static async Task RunAsync(SnapshotWorkload workload, LocalSwfEngine engine, FakeTimeProvider clock, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            await workload.StepAsync(engine, clock);
        }
    }

    [Fact]
    public async Task WriteTo_ReadFromThenWriteTo_SameBytes()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(engine);
        var workload = new SnapshotWorkload(42);
        for (var i = 0; i < 300; i++)
        {
            await workload.StepAsync(engine, clock);
        }

        var first = Bytes(engine.CaptureSnapshot());
        var second = Bytes(EngineSnapshot.ReadFrom(new MemoryStream(first)));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CaptureSnapshot_ClosedRunPastRetention_IsNotInTheSnapshot()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(engine);
        var start = new StartWorkflowExecutionRequest { Domain = "d1", WorkflowId = "old", WorkflowType = new WorkflowType { Name = "flow", Version = "1" } };
        var oldRun = (await engine.StartWorkflowExecutionAsync(start)).Run.RunId!;
        await engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = "d1", WorkflowId = "old" });
        clock.Advance(TimeSpan.FromDays(1.5));
        var newRun = (await engine.StartWorkflowExecutionAsync(start)).Run.RunId!;

        using var restored = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter()), RoundTrip(engine.CaptureSnapshot()), []);

        var closed = await restored.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = "d1", StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch } });
        Assert.Empty(closed.WorkflowExecutionInfos.ExecutionInfos);
        var open = await restored.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest { Domain = "d1", StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch } });
        Assert.Equal(newRun, Assert.Single(open.WorkflowExecutionInfos.ExecutionInfos).Execution.RunId);
        Assert.NotEqual(oldRun, newRun);
    }

    [Fact]
    public async Task Restore_TimerDueAfterTheSnapshot_FiresAsOfItsDueTime()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(engine);
        var runId = (await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d1", WorkflowId = "w", WorkflowType = new WorkflowType { Name = "flow", Version = "1" } })).Run.RunId!;
        var task = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = "d1", TaskList = new TaskList { Name = "deciders" } })).DecisionTask;
        await engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!,
            Decisions = [new Decision { DecisionType = DecisionType.StartTimer, StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = "t", StartToFireTimeout = "600" } }],
        });
        var snapshot = RoundTrip(engine.CaptureSnapshot());

        var later = new FakeTimeProvider(T0.AddMinutes(20));
        using var restored = LocalSwfEngine.Restore(Options(later, null, new Counter()), snapshot, []);

        var history = (await restored.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = "d1", Execution = new WorkflowExecution { WorkflowId = "w", RunId = runId } })).History.Events;
        Assert.Equal(T0.UtcDateTime.AddSeconds(600), Assert.Single(history, e => e.EventType == EventType.TimerFired).EventTimestamp);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task Restore_StartedActivityWithHeartbeatAndCancelRequest_KeepsBoth()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(engine);
        var runId = (await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d1", WorkflowId = "w", WorkflowType = new WorkflowType { Name = "flow", Version = "1" } })).Run.RunId!;
        var decision = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = "d1", TaskList = new TaskList { Name = "deciders" } })).DecisionTask;
        await engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = decision.TaskToken!,
            Decisions = [new Decision { DecisionType = DecisionType.ScheduleActivityTask, ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes { ActivityType = new ActivityType { Name = "work", Version = "1" }, ActivityId = "a" } }],
        });
        var activity = (await engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = "d1", TaskList = new TaskList { Name = "workers" } })).ActivityTask;
        await engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = activity.TaskToken!, Details = "half way" });
        decision = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = "d1", TaskList = new TaskList { Name = "deciders" } })).DecisionTask;
        Assert.True(string.IsNullOrEmpty(decision.TaskToken));
        await engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = "d1", WorkflowId = "w", SignalName = "stop" });
        decision = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = "d1", TaskList = new TaskList { Name = "deciders" } })).DecisionTask;
        await engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = decision.TaskToken!,
            Decisions = [new Decision { DecisionType = DecisionType.RequestCancelActivityTask, RequestCancelActivityTaskDecisionAttributes = new RequestCancelActivityTaskDecisionAttributes { ActivityId = "a" } }],
        });

        var snapshot = RoundTrip(engine.CaptureSnapshot());

        // One restored engine tells the worker of the cancel request; another times the task out with the last heartbeat's details.
        using (var restored = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter()), snapshot, []))
        {
            Assert.Equal(StateOf(engine), StateOf(restored));
            var status = await restored.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = activity.TaskToken! });
            Assert.True(status.ActivityTaskStatus.CancelRequested);
        }

        var restoredClock = new FakeTimeProvider(clock.GetUtcNow());
        using var timingOut = LocalSwfEngine.Restore(Options(restoredClock, null, new Counter()), snapshot, []);
        restoredClock.Advance(TimeSpan.FromSeconds(46));
        var history = (await timingOut.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = "d1", Execution = new WorkflowExecution { WorkflowId = "w", RunId = runId } })).History.Events;
        var timedOut = Assert.Single(history, e => e.EventType == EventType.ActivityTaskTimedOut).ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.Heartbeat, timedOut.TimeoutType);
        Assert.Equal("half way", timedOut.Details);
    }

    [Theory]
    [InlineData(7919UL)]
    [InlineData(31676UL)]
    public async Task CaptureSnapshot_RestoredClosedRunsNotReadYet_SameSnapshotAsTheOriginal(ulong seed)
    {
        // A restored closed run keeps its history as the snapshot's bytes until read: a snapshot taken before then
        // must write exactly what the original engine writes, and reading the runs afterwards must change nothing.
        var clock = new FakeTimeProvider(T0);
        using var original = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(original);
        await RunAsync(new SnapshotWorkload(seed), original, clock, 300);
        var expected = StateOf(original);
        Assert.Contains("\"CloseStatus\"", expected, StringComparison.Ordinal);

        using var restored = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter()), RoundTrip(original.CaptureSnapshot()), []);

        Assert.Equal(expected, StateOf(restored));
        Assert.Equal(await ObserveAsync(original), await ObserveAsync(restored));
        Assert.Equal(expected, StateOf(restored));
    }

    [Fact]
    public async Task ReadFrom_Format1Snapshot_RestoresTheSameState()
    {
        // Format 1 held each history as its JSON array; a store written by the swf-local before still starts.
        var clock = new FakeTimeProvider(T0);
        using var original = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(original);
        await RunAsync(new SnapshotWorkload(5), original, clock, 300);
        var histories = 0;
        var format1 = Rewrite(original.CaptureSnapshot(), document =>
        {
            Assert.Equal("swf-local-engine-snapshot/2", (string?)document["Format"]);
            document["Format"] = "swf-local-engine-snapshot/1";
            foreach (var execution in document["Domains"]!.AsArray().SelectMany(d => d!["Executions"]!.AsArray()))
            {
                execution!["History"] = JsonNode.Parse(Convert.FromBase64String((string)execution["History"]!));
                histories++;
            }
        });
        Assert.True(histories > 0);

        using var restored = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter()), EngineSnapshot.ReadFrom(new MemoryStream(format1)), []);

        Assert.Equal(StateOf(original), StateOf(restored));
        Assert.Equal(await ObserveAsync(original), await ObserveAsync(restored));
    }

    [Fact]
    public async Task GetWorkflowExecutionHistory_ClosedRunWithDamagedHistoryInTheSnapshot_ThrowsInvalidDataNamingTheRun()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = new LocalSwfEngine(Options(clock, null, new Counter()));
        await SnapshotWorkload.RegisterAsync(engine);
        var runId = (await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d1", WorkflowId = "w", WorkflowType = new WorkflowType { Name = "flow", Version = "1" } })).Run.RunId!;
        await engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = "d1", WorkflowId = "w" });
        var damaged = Rewrite(engine.CaptureSnapshot(), document =>
        {
            var execution = document["Domains"]!.AsArray().SelectMany(d => d!["Executions"]!.AsArray()).Single(e => (string?)e!["RunId"] == runId)!;
            execution["History"] = Convert.ToBase64String("[{\"eventId\":"u8);
        });

        // Closed runs' histories are parsed when read, so the damage shows then, as a damaged store, not as a fault of the request.
        using var restored = LocalSwfEngine.Restore(Options(new FakeTimeProvider(clock.GetUtcNow()), null, new Counter()), EngineSnapshot.ReadFrom(new MemoryStream(damaged)), []);
        var request = new GetWorkflowExecutionHistoryRequest { Domain = "d1", Execution = new WorkflowExecution { WorkflowId = "w", RunId = runId } };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => restored.GetWorkflowExecutionHistoryAsync(request));
        Assert.Contains(runId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_NotASnapshot_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => EngineSnapshot.ReadFrom(new MemoryStream("not gzip"u8.ToArray())));
    }

    [Fact]
    public async Task CaptureSnapshot_InsideAnEngineCall_Throws()
    {
        var clock = new FakeTimeProvider(T0);
        var journal = new CapturingJournal();
        using var engine = new LocalSwfEngine(Options(clock, journal, new Counter()));
        journal.Engine = engine;

        await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "x", WorkflowExecutionRetentionPeriodInDays = "1" });

        Assert.IsType<InvalidOperationException>(journal.Failure);
    }

    private static LocalSwfEngineOptions Options(FakeTimeProvider clock, IEngineJournal? journal, Counter runIds) => new()
    {
        TimeProvider = clock,
        Journal = journal,
        LongPollTimeout = TimeSpan.Zero,
        RunIdGenerator = () => $"run-{++runIds.Value}",
    };

    private static EngineSnapshot RoundTrip(EngineSnapshot snapshot) => EngineSnapshot.ReadFrom(new MemoryStream(Bytes(snapshot)));

    /// <summary>A snapshot's bytes with its JSON document changed by <paramref name="change"/>.</summary>
    private static byte[] Rewrite(EngineSnapshot snapshot, Action<JsonObject> change)
    {
        JsonObject document;
        using (var unzip = new GZipStream(new MemoryStream(Bytes(snapshot)), CompressionMode.Decompress))
        {
            document = JsonNode.Parse(unzip)!.AsObject();
        }

        change(document);
        using var bytes = new MemoryStream();
        using (var zip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(zip))
        {
            document.WriteTo(writer);
        }

        return bytes.ToArray();
    }

    private static byte[] Bytes(EngineSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        snapshot.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>Everything a client can see of an engine, as text: listings, descriptions, histories, counts, task lists, the next timer.</summary>
    private static async Task<string> ObserveAsync(LocalSwfEngine engine)
    {
        var c = SwfJsonContext.Default;
        var text = new StringBuilder();
        var since = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch };
        foreach (var status in new[] { RegistrationStatus.Registered, RegistrationStatus.Deprecated })
        {
            text.AppendLine(JsonSerializer.Serialize((await engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = status })).DomainInfos, c.DomainInfos));
        }

        foreach (var domain in SnapshotWorkload.Domains)
        {
            var detail = (await engine.DescribeDomainAsync(new DescribeDomainRequest { Name = domain })).DomainDetail;
            text.AppendLine(JsonSerializer.Serialize(detail, c.DomainDetail));
            text.AppendLine(JsonSerializer.Serialize(new ListTagsForResourceOutput { Tags = (await engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = detail.DomainInfo.Arn! })).Tags ?? [] }, c.ListTagsForResourceOutput));
            foreach (var status in new[] { RegistrationStatus.Registered, RegistrationStatus.Deprecated })
            {
                text.AppendLine(JsonSerializer.Serialize((await engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = domain, RegistrationStatus = status })).WorkflowTypeInfos, c.WorkflowTypeInfos));
                text.AppendLine(JsonSerializer.Serialize((await engine.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = domain, RegistrationStatus = status })).ActivityTypeInfos, c.ActivityTypeInfos));
            }

            var open = (await engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since })).WorkflowExecutionInfos;
            var closed = (await engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since })).WorkflowExecutionInfos;
            text.AppendLine(JsonSerializer.Serialize(open, c.WorkflowExecutionInfos));
            text.AppendLine(JsonSerializer.Serialize(closed, c.WorkflowExecutionInfos));
            foreach (var info in open.ExecutionInfos.Concat(closed.ExecutionInfos))
            {
                text.AppendLine(JsonSerializer.Serialize((await engine.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = domain, Execution = info.Execution })).WorkflowExecutionDetail, c.WorkflowExecutionDetail));
                text.AppendLine(JsonSerializer.Serialize((await engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = domain, Execution = info.Execution })).History, c.History));
            }

            // A task list that was only polled is not journaled (a poll that starts no task changes nothing else), so only lists with work are compared.
            foreach (var list in engine.ListTaskLists(domain).Where(l => l.PendingTaskCount > 0))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{list.Name} {list.Kind} {list.PendingTaskCount}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"next {engine.NextScheduledTime:O} idle {engine.IsIdle} position {engine.JournalPosition}");
        return text.ToString();
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class MemoryJournal : IEngineJournal
    {
        public List<JournalEntry> Entries { get; } = [];

        public void Append(JournalEntry entry) => Entries.Add(entry);
    }

    /// <summary>A journal that tries to take a snapshot while the engine journals a step.</summary>
    private sealed class CapturingJournal : IEngineJournal
    {
        public LocalSwfEngine? Engine { get; set; }

        public Exception? Failure { get; private set; }

        public void Append(JournalEntry entry)
        {
            try
            {
                Engine?.CaptureSnapshot();
            }
            catch (InvalidOperationException ex)
            {
                Failure = ex;
            }
        }
    }
}
