using System.Text.Json.Serialization.Metadata;

namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>One member of a request that a mutation can change, found by walking the model's JSON metadata.</summary>
/// <param name="Path">Where it sits: member names and list indexes, from the request's root.</param>
/// <param name="Member">The member's wire name (for a list item, the list's name).</param>
/// <param name="Parent">The wire name of the object holding it, or the operation's name at the root.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Required">Whether the model requires it.</param>
/// <param name="Type">The model's type of the value, for building a valid one.</param>
internal sealed record Slot(IReadOnlyList<object> Path, string Member, string Parent, SlotKind Kind, bool Required, Type Type)
{
    /// <summary>
    /// The members whose values are SWF names: 1 to 256 characters, not only whitespace, and without
    /// ':', '/', '|', control characters or the literal "arn" (the task list's <c>name</c> among them).
    /// </summary>
    private static readonly HashSet<string> NameMembers = new(StringComparer.Ordinal) { "domain", "name", "version", "workflowId", "activityId", "timerId" };

    /// <summary>Gets the path as SWF's messages write it, such as <c>decisions.0.timerId</c>.</summary>
    public string Text => string.Join('.', Path);

    /// <summary>Gets a value indicating whether the value must be an SWF name (a Lambda function's name follows other rules).</summary>
    /// <remarks>A type filter's version is SWF's VersionOptional, which has only a length limit.</remarks>
    public bool IsName => Kind == SlotKind.String && NameMembers.Contains(Member) && Path[^1] is string
        && Parent != "scheduleLambdaFunctionDecisionAttributes" && !(Parent == "typeFilter" && Member == "version");

    /// <summary>Gets a value indicating whether an empty value is refused: a required string that SWF gives a minimum length of 1.</summary>
    public bool EmptyIsRefused => Required && Kind is SlotKind.String or SlotKind.Duration or SlotKind.NumericString && Path[^1] is string
        && (IsName || Member is "taskToken" or "markerName" or "signalName" or "runId" or "resourceArn" or "key" or "id" or "workflowExecutionRetentionPeriodInDays");

    /// <summary>Gets a value indicating whether the value is an object of the model with required members of its own.</summary>
    public bool HasRequiredMembers(Func<Type, JsonTypeInfo> typeInfo) =>
        Kind == SlotKind.Object && typeInfo(Type).Properties.Any(p => p.IsRequired);
}
