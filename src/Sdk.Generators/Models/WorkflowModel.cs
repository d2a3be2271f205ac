using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>Everything the emitter needs about a <c>[Workflow]</c> class; strings and equatable arrays only, so it caches.</summary>
internal sealed record WorkflowModel(
    HierarchyInfo Hierarchy,
    string TypeName,
    string FullTypeName,
    bool IsPublic,
    string WorkflowTypeName,
    string Version,
    string? TaskList,
    long? ExecutionStartToCloseTimeoutSeconds,
    long? TaskStartToCloseTimeoutSeconds,
    string? ChildPolicy,
    int? TaskPriority,
    string? Description,
    string? LambdaRole,
    MethodModel Run,
    EquatableArray<SignalModel> Signals,
    EquatableArray<QueryModel> Queries,
    LocationInfo? Location);
