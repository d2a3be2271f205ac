using Swf.Exceptions;
using Swf.LocalEngine.State;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// Lists a domain's task lists with their pending task counts and waiting pollers, for tools
    /// such as swf-local's console. SWF has no such call; this one only reads.
    /// </summary>
    /// <remarks>
    /// A task list exists once a task was scheduled on it or a poller polled it. Lists come
    /// ordered by name, decision before activity under one name.
    /// </remarks>
    /// <param name="domain">The domain's name.</param>
    /// <returns>The domain's task lists.</returns>
    /// <exception cref="UnknownResourceException">The domain does not exist.</exception>
    public IReadOnlyList<TaskListInfo> ListTaskLists(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return Locked(() =>
        {
            var state = GetDomain(domain);
            return state.DecisionTaskLists.Values.Select(q => Describe(q, TaskListKind.Decision))
                .Concat(state.ActivityTaskLists.Values.Select(q => Describe(q, TaskListKind.Activity)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ThenBy(t => t.Kind)
                .ToList();
        });
    }

    private static TaskListInfo Describe(TaskQueue queue, TaskListKind kind) =>
        new(queue.Name, kind, queue.PendingCount, [.. queue.Waiters.Select(w => new TaskListPollerInfo(w.Identity, w.Since))]);
}
