using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>The effective settings of a run: from the start request (or decision), else the workflow type's defaults.</summary>
internal sealed record ExecutionSettings
{
    public required string TaskList { get; init; }

    public required int TaskPriority { get; init; }

    public required string ExecutionStartToCloseTimeout { get; init; }

    public required string TaskStartToCloseTimeout { get; init; }

    public required ChildPolicy ChildPolicy { get; init; }

    public string? LambdaRole { get; init; }
}
