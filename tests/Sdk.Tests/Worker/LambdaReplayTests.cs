using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

/// <summary>
/// Replay of Lambda tasks from a history in the AWS CLI's format (<c>Histories/lambda-tour.v1.json</c>), which holds
/// every LambdaFunction* event SWF records, including StartLambdaFunctionFailed, which the local engine never produces.
/// </summary>
public sealed class LambdaReplayTests
{
    private const string HistoryFile = "lambda-tour.v1.json";

    private static string HistoryPath => Path.Combine(AppContext.BaseDirectory, "Worker", "Histories", HistoryFile);

    /// <summary>The workflow that recorded the history: one Lambda task per outcome SWF can record.</summary>
    private static WorkflowDefinition Tour(Action<string?>? seeRole = null, string greetName = "greet", string auditName = "audit") => new()
    {
        WorkflowType = new WorkflowType { Name = "LambdaTour", Version = "1" },
        CreateInstance = () => new object(),
        Run = async (_, input) =>
        {
            seeRole?.Invoke(Workflow.Info.LambdaRole);
            var greeting = await Workflow.ExecuteLambdaAsync<string, string>(greetName, "ada", new LambdaOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
            List<string> parts = [greeting!];
            foreach (var (name, timeout) in new[] { (auditName, (TimeSpan?)null), ("slow", TimeSpan.FromSeconds(5)), ("bad", null), ("nope", null) })
            {
                try
                {
                    await Workflow.ExecuteLambdaAsync(name, null, new LambdaOptions { StartToCloseTimeout = timeout });
                    parts.Add(name + " ok");
                }
                catch (LambdaFunctionException ex)
                {
                    parts.Add(ex switch
                    {
                        LambdaFunctionStartFailedException s => $"{s.GetType().Name}:{s.Cause}",
                        LambdaFunctionFailedException f => $"{f.GetType().Name}:{f.Failure.Type}:{f.Failure.Message}",
                        LambdaFunctionScheduleFailedException s => $"{s.GetType().Name}:{s.Cause}",
                        _ => ex.GetType().Name,
                    });
                }
            }

            return string.Join('|', parts);
        },
    };

    [Fact]
    public void ReplayFile_CliHistoryWithEveryLambdaEvent_ReplaysCleanly()
    {
        string? role = null;

        var result = WorkflowReplayer.ReplayFile(HistoryPath, [Tour(r => role = r)]);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("arn:aws:iam::123456789012:role/swf-lambda", role);
    }

    [Fact]
    public void Replay_CliHistory_EachOutcomeBecomesItsTypedException()
    {
        var events = HistoryJson.Parse(File.ReadAllBytes(HistoryPath), HistoryFile);
        var recorded = events[^1].WorkflowExecutionCompletedEventAttributes!.Result;

        // The run's result lists what each call returned or threw; the recorded close must match it decision for decision.
        WorkflowReplayer.Replay(Tour(), events);

        Assert.Equal(
            "hello ada|LambdaFunctionStartFailedException:ASSUME_ROLE_FAILED|LambdaFunctionTimedOutException|LambdaFunctionFailedException:ValueError:bad input|LambdaFunctionScheduleFailedException:LAMBDA_FUNCTION_CREATION_RATE_EXCEEDED",
            recorded);
        Assert.Equal(recorded, RunToEnd(events));
    }

    [Fact]
    public void Replay_CodeCallsAnotherFunction_NonDeterministicAtTheScheduledEvent()
    {
        var events = HistoryJson.Parse(File.ReadAllBytes(HistoryPath), HistoryFile);

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Tour(auditName: "audit-v2"), events));

        Assert.Equal(11, ex.EventId);
        Assert.Contains("audit", ex.HistoryHolds, StringComparison.Ordinal);
        Assert.Contains("audit-v2", ex.CodeDid, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_HistoryWithFunctionRenamed_NonDeterministicAtTheRenamedEvent()
    {
        var json = JsonNode.Parse(File.ReadAllText(HistoryPath))!;
        json["events"]![4]!["lambdaFunctionScheduledEventAttributes"]!["name"] = "greet-v0";
        var events = HistoryJson.Parse(json.ToJsonString(), HistoryFile);

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Tour(), events));

        Assert.Equal(5, ex.EventId);
        Assert.Contains("greet-v0", ex.HistoryHolds, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_HistoryWithLambdaIdChanged_NonDeterministicAtThatEvent()
    {
        var json = JsonNode.Parse(File.ReadAllText(HistoryPath))!;
        json["events"]![15]!["lambdaFunctionScheduledEventAttributes"]!["id"] = "lambda-9";
        var events = HistoryJson.Parse(json.ToJsonString(), HistoryFile);

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Tour(), events));

        Assert.Equal(16, ex.EventId);
    }

    [Fact]
    public void Replay_CodeNoLongerCallsAFunction_NonDeterministicAtItsScheduleFailedEvent()
    {
        var events = HistoryJson.Parse(File.ReadAllBytes(HistoryPath), HistoryFile);

        // The last Lambda task (ScheduleLambdaFunctionFailed, event 28) is a decision too: code that stops making it is caught there.
        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Truncated(Tour()), events));

        Assert.Equal(28, ex.EventId);
    }

    /// <summary>Runs the history's decisions through the code and returns the result the code completes with.</summary>
    private static string? RunToEnd(List<HistoryEvent> events)
    {
        using var instance = new WorkflowInstance(Tour(), "domain", new WorkflowExecution { WorkflowId = "tour", RunId = "run" }, new JsonPayloadConverter(SwfJsonContext.Default), NullLogger.Instance);

        // Up to the last decision task's start (without its DecisionTaskCompleted and the close), as a decider gets it.
        var open = events.Take(events.Count - 2).ToList();
        var decisions = instance.ProcessEvents(open, open[^1].EventId);
        return Assert.Single(decisions).CompleteWorkflowExecutionDecisionAttributes!.Result;
    }

    /// <summary>The tour without its last call ("nope").</summary>
    private static WorkflowDefinition Truncated(WorkflowDefinition tour) => new()
    {
        WorkflowType = tour.WorkflowType,
        CreateInstance = tour.CreateInstance,
        Run = async (_, input) =>
        {
            await Workflow.ExecuteLambdaAsync<string, string>("greet", "ada");
            foreach (var (name, timeout) in new[] { ("audit", (TimeSpan?)null), ("slow", TimeSpan.FromSeconds(5)), ("bad", null) })
            {
                try
                {
                    await Workflow.ExecuteLambdaAsync(name, null, new LambdaOptions { StartToCloseTimeout = timeout });
                }
                catch (LambdaFunctionException)
                {
                    // The outcomes are the history's; only the missing last call matters here.
                }
            }

            return "done";
        },
    };
}
