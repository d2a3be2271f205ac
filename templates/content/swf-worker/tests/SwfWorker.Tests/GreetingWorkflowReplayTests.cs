using Swf.Converters;
using Swf.Worker;
using SwfWorker.Greetings;

namespace SwfWorker.Tests;

/// <summary>
/// Replays recorded histories against the current code. A change that would make running executions
/// non-deterministic fails here, naming the event. Add production histories to Histories/:
/// aws swf get-workflow-execution-history --domain D --execution workflowId=ID,runId=RUN > Histories/ID.json
/// (or swf history get, from the Swf.Cli tool).
/// </summary>
public sealed class GreetingWorkflowReplayTests
{
    [Fact]
    public void ReplayFolder_CheckedInHistories_MatchTheCode()
    {
        var results = WorkflowReplayer.ReplayFolder(
            Path.Combine(AppContext.BaseDirectory, "Histories"),
            [GreetingWorkflow.SwfDefinition],
            new JsonPayloadConverter(GreetingJsonContext.Default));

        Assert.NotEmpty(results);
        WorkflowReplayer.ThrowIfAnyFailed(results);
    }
}
