using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A registered workflow type with the defaults it was registered with.</summary>
internal sealed class WorkflowTypeState : RegisteredTypeState
{
    public string? DefaultTaskStartToCloseTimeout { get; init; }

    public string? DefaultExecutionStartToCloseTimeout { get; init; }

    public string? DefaultTaskList { get; init; }

    public string? DefaultTaskPriority { get; init; }

    public ChildPolicy? DefaultChildPolicy { get; init; }

    public string? DefaultLambdaRole { get; init; }
}
