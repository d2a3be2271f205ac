using Microsoft.Extensions.Logging;
using Swf.Converters;
using Swf.Model;

namespace Swf.Workflows;

/// <summary>The running workflow's view of its execution; <see cref="Workflow"/> forwards to it.</summary>
internal interface IWorkflowContext
{
    WorkflowInfo Info { get; }

    DateTime UtcNow { get; }

    bool IsReplaying { get; }

    CancellationToken CancellationToken { get; }

    Random Random { get; }

    ILogger Logger { get; }

    IPayloadConverter PayloadConverter { get; }

    Guid NewGuid();

    string NextActivityId();

    Task<string?> ScheduleActivityAsync(ActivityType activityType, string activityId, string? input, ActivityOptions options, CancellationToken cancellationToken);

    Task DelayAsync(TimeSpan delay, string? timerId, CancellationToken cancellationToken);

    Task<bool> WaitConditionAsync(Func<bool> condition, TimeSpan? timeout, CancellationToken cancellationToken);

    Task<string?> ExecuteChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken);

    Task<ChildWorkflowHandle> StartChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken);

    Task SignalExternalWorkflowAsync(string workflowId, string? runId, string signalName, string? input);

    Task RequestCancelExternalWorkflowAsync(string workflowId, string? runId);

    string? SideEffect(Func<string?> effect);

    int GetVersion(string changeId, int minSupported, int maxSupported);

    void RecordMarker(string markerName, string? details);

    string NextLambdaId();

    Task<string?> ScheduleLambdaAsync(string id, string functionName, string? input, TimeSpan? startToCloseTimeout, CancellationToken cancellationToken);
}
