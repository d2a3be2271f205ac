using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Worker;

namespace Swf.Tests.TestSupport;

/// <summary>
/// Drives workers against the local engine on a fake clock: hands every waiting task to a worker,
/// and when all are idle jumps the clock to the engine's next timer or timeout, until no execution is open.
/// </summary>
internal sealed class EngineDriver(LocalSwfEngine engine, FakeTimeProvider clock, string domain)
{
    private readonly List<(WorkflowWorker Worker, string TaskList)> _deciders = [];
    private readonly List<(ActivityWorker Worker, string TaskList)> _activityWorkers = [];

    public EngineDriver Add(WorkflowWorker worker, string taskList)
    {
        _deciders.Add((worker, taskList));
        _deciders.Add((worker, worker.StickyTaskList));
        return this;
    }

    public EngineDriver Add(ActivityWorker worker, string taskList)
    {
        _activityWorkers.Add((worker, taskList));
        return this;
    }

    /// <summary>Runs until every execution in the domain is closed.</summary>
    public async Task RunUntilAllClosedAsync(int maxSteps = 100_000)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            if (await StepAsync())
            {
                continue;
            }

            var open = await engine.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest
            {
                Domain = domain,
                StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
            });
            if (open.WorkflowExecutionCount.Count == 0)
            {
                return;
            }

            var next = engine.NextScheduledTime ?? throw new InvalidOperationException("Executions are open but nothing is pending or scheduled: the workflow is stuck.");
            clock.SetUtcNow(next > clock.GetUtcNow() ? next : clock.GetUtcNow());
        }

        throw new InvalidOperationException($"Still running after {maxSteps} steps.");
    }

    /// <summary>Hands one waiting task to a worker; returns whether there was one.</summary>
    public async Task<bool> StepAsync()
    {
        foreach (var (worker, taskList) in _deciders)
        {
            if (await PendingDecisionsAsync(taskList) > 0)
            {
                await worker.PollOnceAsync(taskList);
                return true;
            }
        }

        foreach (var (worker, taskList) in _activityWorkers)
        {
            var pending = await engine.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = domain, TaskList = new TaskList { Name = taskList } });
            if (pending.PendingTaskCount.Count > 0)
            {
                await worker.PollOnceAsync();
                return true;
            }
        }

        return false;
    }

    private async Task<int> PendingDecisionsAsync(string taskList) =>
        (await engine.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = domain, TaskList = new TaskList { Name = taskList } })).PendingTaskCount.Count;
}
