using Microsoft.Extensions.Logging.Abstractions;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

/// <summary>What <c>Workflow.ExecuteLambdaAsync</c> decides, and what it refuses before SWF could.</summary>
public sealed class LambdaCallTests
{
    private static IReadOnlyList<Decision> FirstDecisions(Func<string?, Task<string?>> run)
    {
        var definition = new WorkflowDefinition
        {
            WorkflowType = new WorkflowType { Name = "Test", Version = "1" },
            CreateInstance = () => new object(),
            Run = (_, input) => run(input),
        };
        var h = new HistoryBuilder().Started().DecisionTask();
        using var instance = new WorkflowInstance(definition, "domain", new WorkflowExecution { WorkflowId = "wf", RunId = "run-1" }, new JsonPayloadConverter(SwfJsonContext.Default), NullLogger.Instance);
        return instance.ProcessEvents(h.Events, h.LastEventId);
    }

    [Fact]
    public void ExecuteLambdaAsync_SeveralCalls_ScheduleLambdaFunctionWithNumberedOrGivenIdsNameInputAndTimeout()
    {
        var decisions = FirstDecisions(__ =>
        {
            _ = Workflow.ExecuteLambdaAsync<int, int>("double", 21, new LambdaOptions { StartToCloseTimeout = TimeSpan.FromMinutes(15) });
            _ = Workflow.ExecuteLambdaAsync("audit", "raw");
            _ = Workflow.ExecuteLambdaAsync("audit", null, new LambdaOptions { Id = "audit-final" });
            return new TaskCompletionSource<string?>().Task;
        });

        var lambdas = decisions.Select(d => d.ScheduleLambdaFunctionDecisionAttributes!).ToList();
        Assert.All(decisions, d => Assert.Equal(DecisionType.ScheduleLambdaFunction, d.DecisionType));
        Assert.Equal(("lambda-1", "double", "21", "900"), (lambdas[0].Id, lambdas[0].Name, lambdas[0].Input, lambdas[0].StartToCloseTimeout));
        Assert.Equal(("lambda-2", "audit", "raw", (string?)null), (lambdas[1].Id, lambdas[1].Name, lambdas[1].Input, lambdas[1].StartToCloseTimeout));
        Assert.Equal("audit-final", lambdas[2].Id);
    }

    [Fact]
    public void ExecuteLambdaAsync_OutsideSwfLimits_FailsBeforeDecidingAnyLambdaTask()
    {
        var decisions = FirstDecisions(async __ =>
        {
            List<string> seen = [];
            async Task Call(string functionName, string? input, LambdaOptions? options)
            {
                try
                {
                    await Workflow.ExecuteLambdaAsync(functionName, input, options);
                    seen.Add("accepted");
                }
                catch (Exception ex) when (ex is ArgumentException or PayloadTooLargeException)
                {
                    seen.Add(ex.GetType().Name);
                }
            }

            await Call(string.Empty, null, null);
            await Call(new string('f', 65), null, null);
            await Call("f", null, new LambdaOptions { Id = new string('i', 257) });
            await Call("f", null, new LambdaOptions { StartToCloseTimeout = TimeSpan.Zero });
            await Call("f", null, new LambdaOptions { StartToCloseTimeout = TimeSpan.FromSeconds(901) });
            await Call("f", null, new LambdaOptions { StartToCloseTimeout = TimeSpan.FromMilliseconds(1500) });
            await Call("f", new string('x', 32_769), null);
            return string.Join(',', seen);
        });

        var decision = Assert.Single(decisions);
        Assert.Equal(
            "ArgumentException,ArgumentException,ArgumentException,ArgumentOutOfRangeException,ArgumentOutOfRangeException,ArgumentOutOfRangeException,PayloadTooLargeException",
            decision.CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public void ExecuteLambdaAsync_AtTheLimits_IsScheduled()
    {
        var decisions = FirstDecisions(__ =>
        {
            _ = Workflow.ExecuteLambdaAsync(new string('f', 64), new string('x', 32_768), new LambdaOptions { Id = new string('i', 256), StartToCloseTimeout = TimeSpan.FromSeconds(1) });
            return new TaskCompletionSource<string?>().Task;
        });

        Assert.Equal("1", Assert.Single(decisions).ScheduleLambdaFunctionDecisionAttributes!.StartToCloseTimeout);
    }
}
