using System.Diagnostics;

namespace Swf.Worker;

/// <summary>
/// Names what brought a continuation to a workflow's scheduler from another thread, from the stack of that
/// thread: a timer (<c>Task.Delay</c>), a thread-pool task (<c>Task.Run</c>) or an async method that resumed
/// off the scheduler (<c>ConfigureAwait(false)</c>). Best effort: only used to word an error, never on the
/// normal path.
/// </summary>
internal static class ForeignContinuation
{
    public static string Describe()
    {
        // The text form works under Native AOT too (StackFrame.GetMethod needs reflection metadata).
        var frames = new StackTrace(1, fNeedFileInfo: false).ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (frames.Any(f => f.Contains("DelayPromise", StringComparison.Ordinal)))
        {
            return "a continuation of Task.Delay";
        }

        if (UserAsyncMethod(frames) is { } method)
        {
            return $"the async method {method} resumed on a thread-pool thread (ConfigureAwait(false), ConfigureAwait(ConfigureAwaitOptions.None), or an await of a non-workflow task) and came back to workflow code from there";
        }

        if (frames.Any(f => f.Contains("TimerQueueTimer", StringComparison.Ordinal)))
        {
            return "a continuation of a timer (Task.Delay, System.Threading.Timer or CancellationTokenSource.CancelAfter)";
        }

        if (frames.Any(f => f.Contains("System.Threading.Tasks.Task.ExecuteWithThreadLocal", StringComparison.Ordinal)))
        {
            return "a continuation of a task that ran on the thread pool (Task.Run, Task.Factory.StartNew) or was completed by one";
        }

        return "a task completed by another thread (Task.Delay, Task.Run, I/O such as HttpClient or files, or CancellationTokenSource.CancelAsync)";
    }

    /// <summary>The first frame of user code, when it is an async method resumed by the thread pool: its name.</summary>
    private static string? UserAsyncMethod(string[] frames)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            if (!frame.StartsWith("at ", StringComparison.Ordinal) || IsRuntime(frame))
            {
                continue;
            }

            // Older runtimes print the state machine ("<LoadAsync>d__2.MoveNext()"), newer ones the method
            // followed by the builder's frames.
            var resumed = frame.Contains(">d__", StringComparison.Ordinal)
                || (i + 1 < frames.Length && frames[i + 1].Contains("AsyncStateMachineBox", StringComparison.Ordinal));
            return resumed ? MethodName(frame) : null;
        }

        return null;
    }

    private static bool IsRuntime(string frame) =>
        frame.StartsWith("at System.", StringComparison.Ordinal)
        || frame.StartsWith("at Microsoft.", StringComparison.Ordinal)
        || frame.StartsWith("at Swf.Worker.", StringComparison.Ordinal)
        || frame.StartsWith("at Swf.Workflows.", StringComparison.Ordinal);

    private static string MethodName(string frame)
    {
        // "at Shop.Helpers.LoadAsync(String input)" or "at Shop.Helpers.<LoadAsync>d__2.MoveNext()" -> "Shop.Helpers.LoadAsync"
        var text = frame[3..];
        var parameters = text.IndexOf('(', StringComparison.Ordinal);
        if (parameters > 0)
        {
            text = text[..parameters];
        }

        var open = text.IndexOf('<', StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
        return open > 0 && close > open ? text[..open] + text[(open + 1)..close] : text;
    }
}
