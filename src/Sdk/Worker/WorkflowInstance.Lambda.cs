using System.Globalization;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.Worker;

/// <content>
/// Lambda tasks: <c>ScheduleLambdaFunction</c> decisions and the <c>LambdaFunction*</c> events that answer them.
/// SWF cannot cancel a scheduled Lambda task, so a token only withdraws one that was not sent yet.
/// </content>
internal sealed partial class WorkflowInstance
{
    // Made on first use (most runs call no Lambda function), as the dictionaries of WorkflowInstance.Commands.cs.
    private Dictionary<string, PendingLambda>? _lambdas;
    private Dictionary<long, PendingLambda>? _lambdasByScheduledId;
    private int _lambdaSequence;

    public string NextLambdaId() => "lambda-" + (++_lambdaSequence).ToString(CultureInfo.InvariantCulture);

    public Task<string?> ScheduleLambdaAsync(string id, string functionName, string? input, TimeSpan? startToCloseTimeout, CancellationToken cancellationToken)
    {
        if (_lambdas?.ContainsKey(id) == true)
        {
            throw new InvalidWorkflowOperationException($"Lambda task id {id} is already used by an open Lambda task of this workflow.");
        }

        var lambda = new PendingLambda(functionName, id, cancellationToken);
        var command = new WorkflowCommand(
            new Decision
            {
                DecisionType = DecisionType.ScheduleLambdaFunction,
                ScheduleLambdaFunctionDecisionAttributes = new()
                {
                    Id = id,
                    Name = functionName,
                    Input = input,
                    StartToCloseTimeout = SwfDuration.ToWire(startToCloseTimeout),
                },
            },
            e =>
            {
                // A token cancelled after the decision was sent changes nothing: SWF cannot cancel a Lambda task.
                lambda.CancellationRegistration.Dispose();
                if (e.LambdaFunctionScheduledEventAttributes is not null)
                {
                    (_lambdasByScheduledId ??= [])[e.EventId] = lambda;
                }
                else
                {
                    _lambdas?.Remove(id);
                    lambda.Result.TrySetException(new LambdaFunctionScheduleFailedException(functionName, id, e.ScheduleLambdaFunctionFailedEventAttributes!.Cause));
                }
            });
        lambda.Command = command;
        (_lambdas ??= new(StringComparer.Ordinal))[id] = lambda;
        _pending.Add(command);
        if (cancellationToken.CanBeCanceled)
        {
            lambda.CancellationRegistration = cancellationToken.Register(() => WithdrawLambda(lambda));
        }

        return lambda.Result.Task;
    }

    private void WithdrawLambda(PendingLambda lambda)
    {
        if (!OnDrivingThread)
        {
            OnForeignThread("a CancellationToken of a Lambda task was cancelled from another thread (CancellationTokenSource.CancelAsync or CancelAfter)");
            return;
        }

        // Only a decision not sent yet can be taken back; SWF has no decision that cancels a scheduled Lambda task.
        if (lambda.Result.Task.IsCompleted || lambda.Command is not { } command || !_pending.Contains(command))
        {
            return;
        }

        command.Withdrawn = true;
        _lambdas?.Remove(lambda.Id);
        lambda.Result.TrySetException(new LambdaFunctionCanceledException(lambda.FunctionName, lambda.Id, lambda.Token));
    }

    /// <summary>Ends the Lambda task scheduled at <paramref name="scheduledEventId"/> with <paramref name="complete"/>.</summary>
    private void CompleteLambda(long? scheduledEventId, Action<PendingLambda> complete)
    {
        if (scheduledEventId is { } id && _lambdasByScheduledId is not null && _lambdasByScheduledId.Remove(id, out var lambda))
        {
            _lambdas?.Remove(lambda.Id);
            complete(lambda);
        }
    }

    private void OnLambdaCompleted(LambdaFunctionCompletedEventAttributes a) =>
        CompleteLambda(a.ScheduledEventId, l => l.Result.TrySetResult(a.Result));

    private void OnLambdaFailed(LambdaFunctionFailedEventAttributes a) =>
        CompleteLambda(a.ScheduledEventId, l => l.Result.TrySetException(new LambdaFunctionFailedException(l.FunctionName, l.Id, a.Reason, a.Details)));

    private void OnLambdaTimedOut(LambdaFunctionTimedOutEventAttributes a) =>
        CompleteLambda(a.ScheduledEventId, l => l.Result.TrySetException(new LambdaFunctionTimedOutException(l.FunctionName, l.Id, a.TimeoutType)));

    private void OnLambdaStartFailed(StartLambdaFunctionFailedEventAttributes a) =>
        CompleteLambda(a.ScheduledEventId, l => l.Result.TrySetException(new LambdaFunctionStartFailedException(l.FunctionName, l.Id, a.Cause, a.Message)));

    private sealed class PendingLambda(string functionName, string id, CancellationToken token)
    {
        public string FunctionName { get; } = functionName;

        public string Id { get; } = id;

        /// <summary>Gets the token that withdraws the task while it is not sent.</summary>
        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<string?> Result { get; } = new();

        public WorkflowCommand? Command { get; set; }

        public CancellationTokenRegistration CancellationRegistration { get; set; }
    }
}
