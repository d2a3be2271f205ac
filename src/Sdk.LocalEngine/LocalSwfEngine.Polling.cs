using Swf.Exceptions;
using Swf.LocalEngine.State;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// SWF's long poll: answers at once when a task waits, else waits up to the long-poll timeout
    /// (on <see cref="LocalSwfEngineOptions.LongPollTimeProvider"/>'s clock) for one, else answers with no task. Pollers are served first come,
    /// first served; a poll cancelled after a task was handed to it gives the task back.
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="domainName">The domain.</param>
    /// <param name="taskList">The task list's name.</param>
    /// <param name="decisions">Whether this is a decision task list (else an activity task list).</param>
    /// <param name="identity">The poller's identity, shown while it waits (see <see cref="ListTaskLists"/>).</param>
    /// <param name="start">Starts a task under the lock and builds the response.</param>
    /// <param name="empty">Builds the empty response.</param>
    /// <param name="cancellationToken">Ends the poll early with <see cref="OperationCanceledException"/>.</param>
    private async Task<T> PollAsync<T>(string domainName, string taskList, bool decisions, string? identity, Func<QueuedTask, T> start, Func<T> empty, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = _pollTime.GetUtcNow() + _options.LongPollTimeout;
        TaskQueue? queue = null;
        PollWaiter? waiter = null;
        var (done, result) = Locked(() =>
        {
            var domain = GetDomain(domainName);
            queue = decisions ? domain.DecisionQueue(taskList) : domain.ActivityQueue(taskList);
            return TakeOrWait(queue, identity, start, empty, deadline, ref waiter);
        });

        while (!done)
        {
            var remaining = deadline - _pollTime.GetUtcNow();
            try
            {
                if (remaining > TimeSpan.Zero)
                {
                    await waiter!.Signal.Task.WaitAsync(remaining, _pollTime, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (TimeoutException)
            {
                // The long poll ran out; the lock below decides between a late task and an empty answer.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Handled below, under the lock, so that a task already handed over is given back.
            }

            (done, result) = Locked(() =>
            {
                queue!.RemoveWaiter(waiter!);
                var reserved = queue.Claim(waiter!);
                if (cancellationToken.IsCancellationRequested)
                {
                    if (reserved is not null)
                    {
                        queue.Return(reserved);
                    }

                    throw new OperationCanceledException(cancellationToken);
                }

                if (reserved is { IsStartable: true })
                {
                    return (true, Start(queue, reserved, start));
                }

                return TakeOrWait(queue, identity, start, empty, deadline, ref waiter);
            });
        }

        return result;
    }

    /// <summary>
    /// Starts a task a poll took, all or nothing: if starting it throws (a bug), none of it stays (no
    /// DecisionTaskStarted without a token handed out) and the task waits again for the next poller.
    /// </summary>
    private T Start<T>(TaskQueue queue, QueuedTask task, Func<QueuedTask, T> start)
    {
        try
        {
            return _undo.Run(() => start(task));
        }
        catch
        {
            queue.Return(task);
            throw;
        }
    }

    private (bool Done, T Result) TakeOrWait<T>(TaskQueue queue, string? identity, Func<QueuedTask, T> start, Func<T> empty, DateTimeOffset deadline, ref PollWaiter? waiter)
    {
        if (queue.TryTake(out var task))
        {
            return (true, Start(queue, task, start));
        }

        if (_pollTime.GetUtcNow() >= deadline)
        {
            return (true, empty());
        }

        if (queue.WaiterCount >= _options.MaxPollersPerTaskList)
        {
            throw new LimitExceededException("Limit on maximum concurrent poll requests per task list reached");
        }

        waiter = new PollWaiter { Identity = identity, Since = ClockNow };
        queue.AddWaiter(waiter);
        return (false, default!);
    }
}
