using Swf.Exceptions;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Worker;
using Temporalio.Exceptions;
using TemporalReplayer = Temporalio.Worker.WorkflowReplayer;
using TemporalReplayerOptions = Temporalio.Worker.WorkflowReplayerOptions;

namespace Swf.Benchmarks;

/// <summary>
/// <c>--verify</c>: small correctness checks that the benchmark histories are real, so the numbers
/// compare like with like. Exits non-zero when one fails.
/// </summary>
public static class Verify
{
    /// <summary>Runs the checks.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync()
    {
        var failures = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
            failures += ok ? 0 : 1;
        }

        // 1. Our synthetic history has exactly the events the local engine records for the same run.
        using (var engine = new LocalSwfEngine())
        {
            await using var fleet = await WorkflowFleet.StartAsync(engine);
            var run = (await fleet.RunBatchAsync(1))[0];
            var real = (await engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = WorkflowFleet.Domain, Execution = run })).History.Events;
            var synthetic = SwfHistories.Build(3);
            Check(
                real.Select(e => e.EventType.Value).SequenceEqual(synthetic.Select(e => e.EventType.Value)),
                $"SWF: the synthetic history of 3 activities has the engine's event sequence ({real.Count} events)");
            Check(
                real.Where(e => e.ActivityTaskScheduledEventAttributes is not null).Select(e => (e.ActivityTaskScheduledEventAttributes!.ActivityId, e.ActivityTaskScheduledEventAttributes.Input, e.ActivityTaskScheduledEventAttributes.DecisionTaskCompletedEventId))
                    .SequenceEqual(synthetic.Where(e => e.ActivityTaskScheduledEventAttributes is not null).Select(e => (e.ActivityTaskScheduledEventAttributes!.ActivityId, e.ActivityTaskScheduledEventAttributes.Input, e.ActivityTaskScheduledEventAttributes.DecisionTaskCompletedEventId))),
                "SWF: activity ids, inputs and decision links match the engine's");
            WorkflowReplayer.Replay(SequentialWorkflow.Definition, real, run);
            Check(true, "SWF: the engine's own history replays");
        }

        // 2. Every benchmark size replays (through the CLI JSON), and a tampered history fails.
        foreach (var n in SwfHistories.ActivityCounts)
        {
            var events = SwfHistories.Parse(SwfHistories.ToJson(SwfHistories.Build(n)));
            WorkflowReplayer.Replay(SequentialWorkflow.Definition, events);
            Check(events.Count == SwfHistories.EventCount(n), $"SWF: {events.Count} events replay");
        }

        Check(Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(SequentialWorkflow.Definition, SwfHistories.Build(166, tamperActivity: 100))), "SWF: a wrong activity type in one ActivityTaskScheduled fails replay");

        // 3. Temporal: the histories replay; a tampered one fails (only because of core flag 1).
        var replayer = new TemporalReplayer(new TemporalReplayerOptions().AddWorkflow<TemporalSequentialWorkflow>());
        foreach (var n in SwfHistories.ActivityCounts.Take(2))
        {
            var result = await replayer.ReplayWorkflowAsync(TemporalHistories.Build(n), throwOnReplayFailure: false);
            Check(result.ReplayFailure is null, $"Temporal: {SwfHistories.EventCount(n)} events replay{(result.ReplayFailure is null ? string.Empty : ": " + result.ReplayFailure.Message)}");
        }

        var tampered = await replayer.ReplayWorkflowAsync(TemporalHistories.Build(166, tamperActivity: 100), throwOnReplayFailure: false);
        Check(tampered.ReplayFailure is WorkflowNondeterminismException, $"Temporal: a wrong activity type in one ActivityTaskScheduled fails replay ({tampered.ReplayFailure?.GetType().Name})");
        var unflagged = await replayer.ReplayWorkflowAsync(TemporalHistories.Build(166, tamperActivity: 100, coreFlags: false), throwOnReplayFailure: false);
        Console.WriteLine($"info Temporal without core flag 1, the same tampered history {(unflagged.ReplayFailure is null ? "replays without error: the flag is what turns the check on" : "also fails: " + unflagged.ReplayFailure.GetType().Name)}");

        // 4. The decision benchmarks hit and miss as they claim.
        var hit = new DecisionTaskHitBenchmarks { Activities = 16 };
        hit.Setup();
        for (var i = 0; i < 10; i++)
        {
            await hit.Hit();
        }

        hit.Check();
        Check(true, "Decision task: hits after the first task apply only the new events");

        Console.WriteLine(failures == 0 ? "verify: all checks passed" : $"verify: {failures} check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private static bool Throws<T>(Action action)
        where T : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (T)
        {
            return true;
        }
    }
}
