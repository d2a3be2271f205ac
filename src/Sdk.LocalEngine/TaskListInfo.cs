namespace Swf.LocalEngine;

/// <summary>A task list of a domain as the engine sees it now: its waiting tasks and waiting pollers.</summary>
/// <param name="Name">The task list's name.</param>
/// <param name="Kind">Whether it carries decision or activity tasks.</param>
/// <param name="PendingTaskCount">The tasks scheduled and not yet started, as <c>CountPending*Tasks</c> counts them.</param>
/// <param name="Pollers">The long polls waiting on it now, first come first.</param>
public sealed record TaskListInfo(string Name, TaskListKind Kind, int PendingTaskCount, IReadOnlyList<TaskListPollerInfo> Pollers);
