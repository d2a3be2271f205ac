using Swf.Activities;
using Swf.Model;

namespace Swf.Testing;

/// <summary>
/// Runs activity code outside a worker, with a test context: heartbeats are captured instead of sent,
/// and the test can request cancellation (seen by the code at its next heartbeat, or at once with
/// <see cref="CancelNow"/>).
/// </summary>
public sealed class ActivityTestEnvironment : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<string?> _heartbeats = [];
    private bool _cancelRequested;

    /// <summary>Initializes the environment for one activity task.</summary>
    /// <param name="activityType">The activity's type, as the context reports it.</param>
    /// <param name="activityId">The activity id.</param>
    public ActivityTestEnvironment(ActivityType? activityType = null, string activityId = "test-activity")
    {
        Context = new ActivityContext(
            new ActivityTask
            {
                TaskToken = "test-task-token",
                ActivityId = activityId,
                ActivityType = activityType ?? new ActivityType { Name = "TestActivity", Version = "1" },
                WorkflowExecution = new WorkflowExecution { WorkflowId = "test-workflow", RunId = "test-run" },
                StartedEventId = 1,
            },
            _cancellation,
            (details, _) =>
            {
                lock (_heartbeats)
                {
                    _heartbeats.Add(details);
                }

                return Task.FromResult(_cancelRequested);
            });
    }

    /// <summary>Gets the context the activity code runs with (also <see cref="ActivityContext.Current"/> inside <see cref="RunAsync{T}"/>).</summary>
    public ActivityContext Context { get; }

    /// <summary>Gets the details of every heartbeat the code sent, in order.</summary>
    public IReadOnlyList<string?> Heartbeats
    {
        get
        {
            lock (_heartbeats)
            {
                return [.. _heartbeats];
            }
        }
    }

    /// <summary>Makes the next heartbeat answer that cancellation was requested, as SWF does after RequestCancelActivityTask.</summary>
    public void RequestCancellation() => _cancelRequested = true;

    /// <summary>Cancels the context's token at once (the worker stopping, or a heartbeat that already saw the request).</summary>
    public void CancelNow() => _cancellation.Cancel();

    /// <summary>Runs activity code with <see cref="ActivityContext.Current"/> set to this environment's context.</summary>
    /// <typeparam name="T">The result's type.</typeparam>
    /// <param name="activity">The code, such as <c>() =&gt; new ShippingActivities().ShipAsync(order, env.Context.CancellationToken)</c>.</param>
    /// <returns>What the code returned.</returns>
    public async Task<T> RunAsync<T>(Func<Task<T>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var previous = ActivityContext.Current;
        ActivityContext.Current = Context;
        try
        {
            return await activity().ConfigureAwait(false);
        }
        finally
        {
            ActivityContext.Current = previous;
        }
    }

    /// <summary>Runs an activity definition (generated or hand-written) with an encoded input.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="input">The encoded input.</param>
    /// <returns>The encoded result.</returns>
    public Task<string?> RunAsync(ActivityDefinition definition, string? input)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return RunAsync(() => definition.Execute(Context, input));
    }

    /// <inheritdoc/>
    public void Dispose() => _cancellation.Dispose();
}
