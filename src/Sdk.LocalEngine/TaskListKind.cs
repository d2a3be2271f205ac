namespace Swf.LocalEngine;

/// <summary>What a task list carries: SWF keeps decision and activity task lists apart, even under one name.</summary>
public enum TaskListKind
{
    /// <summary>Decision tasks, polled by deciders.</summary>
    Decision,

    /// <summary>Activity tasks, polled by activity workers.</summary>
    Activity,
}
