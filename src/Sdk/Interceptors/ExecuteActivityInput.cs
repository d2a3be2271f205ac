using Swf.Activities;

namespace Swf.Interceptors;

/// <summary>An activity task, as <see cref="ActivityInboundInterceptor.ExecuteActivityAsync"/> sees it.</summary>
public sealed class ExecuteActivityInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="context">The task's context (its type, ids, cancellation and heartbeats).</param>
    /// <param name="input">The decoded input, or null.</param>
    public ExecuteActivityInput(ActivityContext context, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Input = input;
    }

    /// <summary>Gets the task's context (its type, ids, cancellation and heartbeats).</summary>
    public ActivityContext Context { get; }

    /// <summary>Gets the decoded input, or null.</summary>
    public string? Input { get; }

    /// <summary>Gets or sets the activity to run, which the worker sets for its own end of the chain.</summary>
    internal ActivityDefinition? Definition { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
