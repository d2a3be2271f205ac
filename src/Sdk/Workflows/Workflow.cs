using Microsoft.Extensions.Logging;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.Workflows;

/// <summary>
/// The API workflow code uses instead of the clock, timers, randomness and I/O: everything here is
/// recorded in or derived from the execution's history, so replaying the history gives the same
/// decisions. Only callable from workflow code (it runs on the SDK's deterministic scheduler).
/// </summary>
public static partial class Workflow
{
    /// <summary>The version <see cref="GetVersion"/> returns for executions that ran the code from before a change.</summary>
    public const int DefaultVersion = -1;

    /// <summary>Gets a value indicating whether the current code runs inside a workflow.</summary>
    public static bool InWorkflow => TaskScheduler.Current is IWorkflowContext;

    /// <summary>Gets the execution's information.</summary>
    public static WorkflowInfo Info => Context.Info;

    /// <summary>Gets the current time: the start time of the decision task being processed, the same on every replay.</summary>
    public static DateTime UtcNow => Context.UtcNow;

    /// <summary>Gets a value indicating whether the code is replaying history that was already decided.</summary>
    public static bool IsReplaying => Context.IsReplaying;

    /// <summary>
    /// Gets a token cancelled when someone requests the execution's cancellation. Activities, children, timers
    /// and condition waits follow it unless the call passes a token of its own (see docs/cancellation.md).
    /// </summary>
    public static CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>Gets a random generator seeded from the run id: the same numbers on every replay.</summary>
    public static Random Random => Context.Random;

    /// <summary>Gets a logger that stays quiet while history is replayed.</summary>
    public static ILogger Logger => Context.Logger;

    /// <summary>Gets the converter the workflow's payloads (inputs, results, signal inputs) are encoded with.</summary>
    public static IPayloadConverter PayloadConverter => Context.PayloadConverter;

    private static IWorkflowContext Context => TaskScheduler.Current as IWorkflowContext
        ?? throw new InvalidWorkflowOperationException("The Workflow API can only be used from workflow code running on the SDK's workflow scheduler (not after ConfigureAwait(false), Task.Run or outside a workflow).");

    /// <summary>Returns a new GUID derived from the run id and a sequence: the same on every replay.</summary>
    /// <returns>The GUID.</returns>
    public static Guid NewGuid() => Context.NewGuid();

    /// <summary>Waits on a durable SWF timer (<c>StartTimer</c>); cancelling its token cancels the timer (<c>CancelTimer</c>).</summary>
    /// <param name="delay">How long to wait; SWF timers count whole seconds, so the delay is rounded up (at least one second).</param>
    /// <param name="cancellationToken">
    /// Cancels the timer; null (the default) follows <see cref="CancellationToken"/>, so cancelling the workflow
    /// cancels it. Pass <see cref="System.Threading.CancellationToken.None"/> for a timer the workflow's cancellation leaves alone.
    /// </param>
    /// <returns>A task that completes when the timer fires; a canceled timer is a <see cref="TaskCanceledException"/>.</returns>
    public static Task DelayAsync(TimeSpan delay, CancellationToken? cancellationToken = null)
    {
        var context = Context;
        return context.DelayAsync(delay, cancellationToken ?? context.CancellationToken);
    }

    /// <summary>Waits until a condition over the workflow's state holds, or a timeout passes.</summary>
    /// <param name="condition">Checked after every step of the workflow; must not have side effects.</param>
    /// <param name="timeout">The longest wait (a durable timer), or null to wait forever.</param>
    /// <param name="cancellationToken">
    /// Cancels the wait; null (the default) follows <see cref="CancellationToken"/>, so cancelling the workflow
    /// cancels it. Pass <see cref="System.Threading.CancellationToken.None"/> for a wait the workflow's cancellation leaves alone.
    /// </param>
    /// <returns><c>true</c> when the condition held, <c>false</c> when the timeout passed first; a canceled wait is a <see cref="TaskCanceledException"/>.</returns>
    public static Task<bool> WaitConditionAsync(Func<bool> condition, TimeSpan? timeout = null, CancellationToken? cancellationToken = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var context = Context;
        return context.WaitConditionAsync(condition, timeout, cancellationToken ?? context.CancellationToken);
    }

    /// <summary>
    /// Runs an activity with an encoded input and returns its encoded result, retrying as the options'
    /// <see cref="ActivityOptions.Retry"/> policy says (backoff waits are durable timers).
    /// </summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="input">The encoded input, or null.</param>
    /// <param name="options">How to schedule it; unset values fall back to the type's registered defaults.</param>
    /// <param name="cancellationToken">
    /// Requests the activity's cancellation (<c>RequestCancelActivityTask</c>) and cancels its retry backoff. Null
    /// (the default) means <see cref="ActivityOptions.CancellationToken"/>, and when that is unset too
    /// <see cref="CancellationToken"/>: cancelling the workflow cancels the activity. Pass
    /// <see cref="System.Threading.CancellationToken.None"/> for work that must run after the workflow was cancelled (cleanup).
    /// </param>
    /// <returns>The encoded result.</returns>
    /// <exception cref="ActivityException">The activity failed, timed out or could not be scheduled.</exception>
    /// <exception cref="ActivityCanceledException">The activity was canceled (an <see cref="OperationCanceledException"/>).</exception>
    public static async Task<string?> ExecuteActivityAsync(ActivityType activityType, string? input, ActivityOptions? options = null, CancellationToken? cancellationToken = null)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        var context = Context;
        PayloadTooLargeException.ThrowIfTooLarge(input, activityType, static t => $"ExecuteActivityAsync({t.Name} {t.Version}) input");
        options ??= new ActivityOptions();
        var token = cancellationToken ?? options.CancellationToken ?? context.CancellationToken;
        var baseId = options.ActivityId ?? context.NextActivityId();
        var firstScheduled = context.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var activityId = attempt == 1 ? baseId : $"{baseId}-{attempt}";
            try
            {
                return await context.ScheduleActivityAsync(activityType, activityId, input, options, token);
            }
            catch (ActivityException ex) when (options.Retry is { } retry && ex is ActivityFailedException or ActivityTimedOutException
                && retry.ShouldRetry(attempt, (ex as ActivityFailedException)?.Reason, context.UtcNow - firstScheduled))
            {
                await context.DelayAsync(retry.BackoffAfter(attempt), token);
            }
            catch (ActivityFailedException ex) when (attempt > 1)
            {
                throw new ActivityFailedException(ex.ActivityType, ex.ActivityId, ex.Reason, ex.Details, attempt);
            }
        }
    }

    /// <summary>Runs an activity that takes one argument and returns a result, encoding both with the workflow's payload converter.</summary>
    /// <typeparam name="TArg">The argument's type.</typeparam>
    /// <typeparam name="TResult">The result's type.</typeparam>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="argument">The argument.</param>
    /// <param name="options">How to schedule it.</param>
    /// <param name="cancellationToken">Requests the activity's cancellation; null follows the options' token, then the workflow's (see the untyped overload).</param>
    /// <returns>The result.</returns>
    public static async Task<TResult?> ExecuteActivityAsync<TArg, TResult>(ActivityType activityType, TArg argument, ActivityOptions? options = null, CancellationToken? cancellationToken = null)
    {
        var converter = Context.PayloadConverter;
        var result = await ExecuteActivityAsync(activityType, converter.Serialize(argument), options, cancellationToken);
        return converter.Deserialize<TResult>(result);
    }

    /// <summary>Starts a child workflow and waits for its result.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="input">The encoded input, or null.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="cancellationToken">
    /// Requests the child's cancellation (<c>RequestCancelExternalWorkflowExecution</c>). Null (the default) means
    /// <see cref="ChildWorkflowOptions.CancellationToken"/>, and when that is unset too <see cref="CancellationToken"/>:
    /// cancelling the workflow cancels the child. Pass <see cref="System.Threading.CancellationToken.None"/> for a child the
    /// workflow's cancellation leaves alone.
    /// </param>
    /// <returns>The child's encoded result.</returns>
    /// <exception cref="ChildWorkflowException">The child failed, timed out or was terminated, or could not start.</exception>
    /// <exception cref="ChildWorkflowCanceledException">The child was canceled (an <see cref="OperationCanceledException"/>).</exception>
    public static Task<string?> ExecuteChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions? options = null, CancellationToken? cancellationToken = null)
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        var context = Context;
        PayloadTooLargeException.ThrowIfTooLarge(input, workflowType, static t => $"ExecuteChildWorkflowAsync({t.Name} {t.Version}) input");
        options ??= new ChildWorkflowOptions();
        return context.ExecuteChildWorkflowAsync(workflowType, input, options, cancellationToken ?? options.CancellationToken ?? context.CancellationToken);
    }

    /// <summary>Sends a signal to another execution (<c>SignalExternalWorkflowExecution</c>).</summary>
    /// <param name="workflowId">The target's workflow id.</param>
    /// <param name="signalName">The signal's name.</param>
    /// <param name="input">The encoded signal input, or null.</param>
    /// <param name="runId">The target's run id, or null for its open run.</param>
    /// <returns>A task that completes when SWF delivered the signal.</returns>
    /// <exception cref="ExternalWorkflowException">There is no such open execution.</exception>
    public static Task SignalExternalWorkflowAsync(string workflowId, string signalName, string? input = null, string? runId = null)
    {
        PayloadTooLargeException.ThrowIfTooLarge(input, signalName, static n => $"SignalExternalWorkflowAsync({n}) input");
        return Context.SignalExternalWorkflowAsync(workflowId, runId, signalName, input);
    }

    /// <summary>Asks another execution to cancel itself (<c>RequestCancelExternalWorkflowExecution</c>).</summary>
    /// <param name="workflowId">The target's workflow id.</param>
    /// <param name="runId">The target's run id, or null for its open run.</param>
    /// <returns>A task that completes when SWF delivered the request.</returns>
    /// <exception cref="ExternalWorkflowException">There is no such open execution.</exception>
    public static Task RequestCancelExternalWorkflowAsync(string workflowId, string? runId = null) =>
        Context.RequestCancelExternalWorkflowAsync(workflowId, runId);

    /// <summary>
    /// Runs a non-deterministic function once and records its result in history (a marker); on replay
    /// the recorded result is returned and the function is not run.
    /// </summary>
    /// <param name="effect">The function; its result is kept as a string.</param>
    /// <returns>The recorded result.</returns>
    public static string? SideEffect(Func<string?> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return Context.SideEffect(effect);
    }

    /// <summary>
    /// Lets changed workflow code keep replaying executions that ran the old code. Returns the version
    /// recorded for <paramref name="changeId"/> in history; an execution that reaches this point for the
    /// first time records <paramref name="maxSupported"/>; one that ran before the change existed gets
    /// <see cref="DefaultVersion"/>.
    /// </summary>
    /// <param name="changeId">Names the change.</param>
    /// <param name="minSupported">The oldest version this code still supports.</param>
    /// <param name="maxSupported">The newest version.</param>
    /// <returns>The version to follow.</returns>
    public static int GetVersion(string changeId, int minSupported, int maxSupported)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeId);
        return Context.GetVersion(changeId, minSupported, maxSupported);
    }

    /// <summary>Records a marker in history (<c>RecordMarker</c>).</summary>
    /// <param name="markerName">The marker's name.</param>
    /// <param name="details">The marker's details, or null.</param>
    public static void RecordMarker(string markerName, string? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(markerName);
        PayloadTooLargeException.ThrowIfTooLarge(details, markerName, static n => $"RecordMarker({n}) details");
        Context.RecordMarker(markerName, details);
    }

    /// <summary>Ends this run and starts a new one with the same workflow id and the given input.</summary>
    /// <param name="input">The new run's encoded input.</param>
    /// <returns>Never returns; throw the result (<c>throw Workflow.ContinueAsNew(input)</c>).</returns>
    public static ContinueAsNewException ContinueAsNew(string? input) => new(input);
}
