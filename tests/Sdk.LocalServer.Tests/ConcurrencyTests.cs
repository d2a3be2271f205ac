using System.Collections.Concurrent;
using Swf.Client;
using Swf.Model;

namespace Swf.LocalServer.Tests;

public sealed class ConcurrencyTests
{
    private const string Domain = "busy";
    private const int Executions = 40;
    private const int Pollers = 8;

    [Fact]
    public async Task Poll_ManyPollersOverHttp_GetEveryTaskOnceAndLoseNoEvent()
    {
        await using var server = await Servers.StartAsync();
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        var decisionTokens = new ConcurrentBag<string>();
        var activityTokens = new ConcurrentBag<string>();
        var closed = 0;
        using var stop = new CancellationTokenSource();

        async Task DeciderAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var task = (await swf.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = Domain, TaskList = new TaskList { Name = Servers.DecisionList } }, stop.Token)).DecisionTask;
                if (string.IsNullOrEmpty(task.TaskToken))
                {
                    continue;
                }

                decisionTokens.Add(task.TaskToken);
                var done = task.Events!.Any(e => e.EventType == EventType.ActivityTaskCompleted);
                await Servers.DecideAsync(swf, task.TaskToken, done ? Servers.Complete() : Servers.ScheduleActivity("work", task.WorkflowExecution!.WorkflowId));
                if (done && Interlocked.Increment(ref closed) == Executions)
                {
                    await stop.CancelAsync();
                }
            }
        }

        async Task WorkerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var task = (await swf.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = Domain, TaskList = new TaskList { Name = Servers.ActivityList } }, stop.Token)).ActivityTask;
                if (!string.IsNullOrEmpty(task.TaskToken))
                {
                    activityTokens.Add(task.TaskToken);
                    await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken, Result = task.Input });
                }
            }
        }

        static async Task UntilStoppedAsync(Func<Task> loop)
        {
            try
            {
                await loop();
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        }

        var loops = Enumerable.Range(0, Pollers).SelectMany(_ => new[] { UntilStoppedAsync(DeciderAsync), UntilStoppedAsync(WorkerAsync) }).ToList();
        var runs = await Task.WhenAll(Enumerable.Range(0, Executions).Select(i => Servers.StartAsync(swf, Domain, $"w{i}")));
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Executions * 2, decisionTokens.Count);
        Assert.Equal(decisionTokens.Count, decisionTokens.Distinct().Count());
        Assert.Equal(Executions, activityTokens.Count);
        Assert.Equal(activityTokens.Count, activityTokens.Distinct().Count());
        string[] expected =
        [
            "WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted", "DecisionTaskCompleted",
            "ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted",
            "DecisionTaskScheduled", "DecisionTaskStarted", "DecisionTaskCompleted", "WorkflowExecutionCompleted",
        ];
        for (var i = 0; i < Executions; i++)
        {
            var history = await Servers.HistoryAsync(swf, Domain, new WorkflowExecution { WorkflowId = $"w{i}", RunId = runs[i].Run.RunId! });
            Assert.Equal(expected, history.Select(e => e.EventType.Value));
            Assert.Equal(Enumerable.Range(1, expected.Length).Select(n => (long)n), history.Select(e => e.EventId));
            Assert.Equal($"w{i}", history.Single(e => e.EventType == EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes!.Result);
        }
    }
}
