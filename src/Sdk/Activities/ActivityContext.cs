using Swf.Model;

namespace Swf.Activities;

/// <summary>What a running activity task knows about itself, and how it reports progress.</summary>
public sealed class ActivityContext
{
    private static readonly AsyncLocal<ActivityContext?> CurrentContext = new();
    private readonly Func<string?, CancellationToken, Task<bool>> _recordHeartbeat;
    private readonly CancellationTokenSource _cancellation;

    /// <summary>
    /// Initializes a context. Workers create one per task; tests and custom workers may create their own
    /// (see <c>ActivityTestEnvironment</c> in Swf.Sdk.Testing).
    /// </summary>
    /// <param name="task">The task being run.</param>
    /// <param name="cancellation">Cancelled when the task is no longer wanted.</param>
    /// <param name="recordHeartbeat">Sends a heartbeat with its details; returns whether cancellation was requested.</param>
    public ActivityContext(ActivityTask task, CancellationTokenSource cancellation, Func<string?, CancellationToken, Task<bool>> recordHeartbeat)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(cancellation);
        ArgumentNullException.ThrowIfNull(recordHeartbeat);
        _recordHeartbeat = recordHeartbeat;
        _cancellation = cancellation;
        TaskToken = task.TaskToken!;
        ActivityId = task.ActivityId!;
        ActivityType = task.ActivityType!;
        WorkflowExecution = task.WorkflowExecution!;
    }

    /// <summary>
    /// Gets or sets the context of the activity task running on this async flow, or null outside an
    /// activity. Workers and test environments set it around the activity code.
    /// </summary>
    public static ActivityContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    /// <summary>Gets the task's token, which identifies it in every response (and in manual completion).</summary>
    public string TaskToken { get; }

    /// <summary>Gets the activity's id.</summary>
    public string ActivityId { get; }

    /// <summary>Gets the activity's type.</summary>
    public ActivityType ActivityType { get; }

    /// <summary>Gets the execution that scheduled the task.</summary>
    public WorkflowExecution WorkflowExecution { get; }

    /// <summary>Gets a token cancelled when the workflow requests the task's cancellation (learned from a heartbeat) or the worker stops.</summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Gets or sets a value indicating whether the worker leaves the task open when the code returns, to be completed later by its token.</summary>
    public bool CompleteManually { get; set; }

    /// <summary>Gets the header map the workflow sent with the task's input (see docs/interceptors.md); empty when it sent none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Gets the details of the last heartbeat sent.</summary>
    public string? LastHeartbeatDetails { get; private set; }

    /// <summary>Cancels <see cref="CancellationToken"/>: the task is no longer wanted.</summary>
    /// <returns>A task that completes when the cancellation callbacks ran.</returns>
    internal Task CancelAsync() => _cancellation.CancelAsync();

    /// <summary>Reports progress (<c>RecordActivityTaskHeartbeat</c>); cancels <see cref="CancellationToken"/> when cancellation was requested.</summary>
    /// <param name="details">Progress details (at most 2,048 characters), shown in a heartbeat timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether cancellation of the task was requested.</returns>
    public async Task<bool> HeartbeatAsync(string? details = null, CancellationToken cancellationToken = default)
    {
        LastHeartbeatDetails = details;
        var cancelRequested = await _recordHeartbeat(details, cancellationToken).ConfigureAwait(false);
        if (cancelRequested)
        {
            await _cancellation.CancelAsync().ConfigureAwait(false);
        }

        return cancelRequested;
    }
}
