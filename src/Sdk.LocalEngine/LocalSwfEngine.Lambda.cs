using System.Globalization;
using System.Text.Json;
using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine;

/// <content>
/// Lambda tasks. There is no Lambda service behind this engine: a function registered in
/// <see cref="LocalSwfEngineOptions.LambdaFunctions"/> under the decision's name runs in process and its outcome is
/// recorded as SWF records a Lambda's; for any other name the decision fails as in a region without SWF's Lambda
/// integration (ScheduleLambdaFunctionFailed, LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION).
/// </content>
public sealed partial class LocalSwfEngine
{
    // SWF's range for a Lambda task's start-to-close timeout, and its default when the decision gives none.
    private const long MinLambdaTimeoutSeconds = 1;
    private const long MaxLambdaTimeoutSeconds = 900;

    private readonly Lock _lambdaLock = new();
    private readonly HashSet<Task> _runningLambdaFunctions = [];

    /// <summary>
    /// Waits until every Lambda function running now has returned and its outcome is recorded (or dropped, for a
    /// task that timed out or whose run closed). A test that drives workers by hand calls it when no task is waiting,
    /// so that a function's result is in the history before it skips time.
    /// </summary>
    /// <returns><c>true</c> when a function was running; <c>false</c> at once when none was.</returns>
    public async Task<bool> WaitForLambdaFunctionsAsync()
    {
        Task[] running;
        lock (_lambdaLock)
        {
            running = [.. _runningLambdaFunctions];
        }

        if (running.Length == 0)
        {
            return false;
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        return true;
    }

    /// <summary>Refuses a <c>startToCloseTimeout</c> outside SWF's 1-900 seconds for a Lambda task.</summary>
    private static void RejectLambdaTimeout(string? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < MinLambdaTimeoutSeconds || seconds > MaxLambdaTimeoutSeconds)
        {
            throw new ValidationException(
                $"1 validation error detected: Value at '{path}' failed to satisfy constraint: Member must be a whole number of seconds from {MinLambdaTimeoutSeconds} to {MaxLambdaTimeoutSeconds} for a Lambda task (it is '{value}')");
        }
    }

    /// <summary>
    /// ScheduleLambdaFunction: with a function registered under the name, LambdaFunctionScheduled, then (once the
    /// batch is recorded) LambdaFunctionStarted and the function's invocation; without one, the failure of a
    /// region with no Lambda integration, which is all this engine did before functions could be registered.
    /// </summary>
    private void ScheduleLambdaFunction(DecisionContext context, ScheduleLambdaFunctionDecisionAttributes attributes)
    {
        var execution = context.Execution;
        void Fail(ScheduleLambdaFunctionFailedCause cause) =>
            RecordDecisionFailure(context, DecisionKind.ScheduleLambdaFunction, e => e.ScheduleLambdaFunctionFailedEventAttributes = new()
            {
                Id = attributes.Id,
                Name = attributes.Name,
                Cause = cause,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });

        if (!_options.LambdaFunctions.TryGetValue(attributes.Name, out var function))
        {
            Fail(ScheduleLambdaFunctionFailedCause.LambdaServiceNotAvailableInRegion);
            return;
        }

        if (execution.LambdaFunctions.ContainsKey(attributes.Id))
        {
            Fail(ScheduleLambdaFunctionFailedCause.IdAlreadyInUse);
            return;
        }

        if (execution.LambdaFunctions.Count >= _options.MaxOpenLambdaFunctions)
        {
            Fail(ScheduleLambdaFunctionFailedCause.OpenLambdaFunctionsLimitExceeded);
            return;
        }

        var timeout = TimeSpan.FromSeconds(attributes.StartToCloseTimeout is { } given ? long.Parse(given, NumberStyles.None, CultureInfo.InvariantCulture) : MaxLambdaTimeoutSeconds);
        var scheduledEventId = Append(execution, EventType.LambdaFunctionScheduled, e => e.LambdaFunctionScheduledEventAttributes = new()
        {
            Id = attributes.Id,
            Name = attributes.Name,
            Control = attributes.Control,
            Input = attributes.Input,
            StartToCloseTimeout = attributes.StartToCloseTimeout,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });
        var lambda = new LambdaFunctionState
        {
            Execution = execution,
            Id = attributes.Id,
            Name = attributes.Name,
            Input = attributes.Input,
            ScheduledEventId = scheduledEventId,
            StartToCloseTimeout = timeout,
            Undo = _undo,
        };
        execution.AddLambdaFunction(lambda);

        // SWF invokes the function once the decisions are recorded; the started event follows the batch.
        context.FollowUps.Add(() => StartLambdaFunction(lambda, function));
    }

    /// <summary>LambdaFunctionStarted, the start-to-close timeout, and the function's invocation off the engine's lock.</summary>
    private void StartLambdaFunction(LambdaFunctionState lambda, LocalLambdaFunction function)
    {
        if (lambda.IsClosed || !lambda.Execution.IsOpen)
        {
            return;
        }

        var startedEventId = Append(lambda.Execution, EventType.LambdaFunctionStarted, e => e.LambdaFunctionStartedEventAttributes = new()
        {
            ScheduledEventId = lambda.ScheduledEventId,
        });
        lambda.Start(startedEventId, Schedule(lambda.StartToCloseTimeout, () => LambdaFunctionTimedOut(lambda)));

        // The function must not run on this thread, which holds the engine's lock. The invocation leaves the running
        // set before its task completes, so whoever awaited it sees none running.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lambdaLock)
        {
            _runningLambdaFunctions.Add(done.Task);
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await InvokeLambdaFunctionAsync(lambda, function).ConfigureAwait(false);
            }
            finally
            {
                lock (_lambdaLock)
                {
                    _runningLambdaFunctions.Remove(done.Task);
                }

                done.SetResult();
            }
        });
    }

    private async Task InvokeLambdaFunctionAsync(LambdaFunctionState lambda, LocalLambdaFunction function)
    {
        string? result = null;
        Exception? error = null;
        try
        {
            result = await function(lambda.Input, lambda.Cancellation.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the function throws is its failure, recorded in the history as SWF records a Lambda error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        try
        {
            Locked(() => _undo.Run(() =>
            {
                RecordLambdaOutcome(lambda, result, error);
                return true;
            }));
        }
        catch (ObjectDisposedException)
        {
            // The engine was disposed while the function ran: there is no history left to record it in.
        }
    }

    /// <summary>LambdaFunctionCompleted or LambdaFunctionFailed, then a decision task; nothing for a task that already has its outcome.</summary>
    private void RecordLambdaOutcome(LambdaFunctionState lambda, string? result, Exception? error)
    {
        var execution = lambda.Execution;
        if (lambda.IsClosed || !execution.IsOpen)
        {
            return;
        }

        if (error is null && result is { Length: > PayloadTooLargeException.DataLimit })
        {
            error = new PayloadTooLargeException($"Lambda function {lambda.Name} result", result.Length, PayloadTooLargeException.DataLimit);
        }

        if (error is null)
        {
            Append(execution, EventType.LambdaFunctionCompleted, e => e.LambdaFunctionCompletedEventAttributes = new()
            {
                ScheduledEventId = lambda.ScheduledEventId,
                StartedEventId = lambda.StartedEventId,
                Result = result,
            });
        }
        else
        {
            Append(execution, EventType.LambdaFunctionFailed, e => e.LambdaFunctionFailedEventAttributes = new()
            {
                ScheduledEventId = lambda.ScheduledEventId,
                StartedEventId = lambda.StartedEventId,
                Reason = Truncate(error.GetType().FullName ?? error.GetType().Name, 256),
                Details = Truncate(LambdaErrorDocument(error), PayloadTooLargeException.DataLimit),
            });
        }

        CloseLambdaFunction(lambda);
        NotifyDecider(execution);
    }

    /// <summary>The start-to-close timeout fired before the function returned: LambdaFunctionTimedOut, then a decision task.</summary>
    private void LambdaFunctionTimedOut(LambdaFunctionState lambda)
    {
        var execution = lambda.Execution;
        if (lambda.IsClosed || !execution.IsOpen)
        {
            return;
        }

        Append(execution, EventType.LambdaFunctionTimedOut, e => e.LambdaFunctionTimedOutEventAttributes = new()
        {
            ScheduledEventId = lambda.ScheduledEventId,
            StartedEventId = lambda.StartedEventId,
            TimeoutType = LambdaFunctionTimeoutType.StartToClose,
        });
        CloseLambdaFunction(lambda);
        NotifyDecider(execution);
    }

    /// <summary>Ends a Lambda task whose outcome is recorded, or whose run closed: it leaves its run, and the function's token is cancelled.</summary>
    private static void CloseLambdaFunction(LambdaFunctionState lambda)
    {
        lambda.Close();
        lambda.Execution.RemoveLambdaFunction(lambda);

        // Cancelled asynchronously: the function's callbacks must not run under the engine's lock. Not undone if the
        // call is rolled back, which only a bug does; the function's outcome is then dropped.
        _ = lambda.Cancellation.CancelAsync();
    }

    /// <summary>The error document AWS Lambda reports for a function that threw: <c>{"errorType":…,"errorMessage":…,"stackTrace":[…]}</c>.</summary>
    private static string LambdaErrorDocument(Exception error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", error.GetType().FullName ?? error.GetType().Name);
            writer.WriteString("errorMessage", error.Message);
            writer.WriteStartArray("stackTrace");
            foreach (var line in (error.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
