namespace Swf.Worker;

/// <summary>How the replay of one recorded history ended.</summary>
public enum ReplayStatus
{
    /// <summary>The code made every decision the history recorded.</summary>
    Succeeded,

    /// <summary>
    /// The code decided differently from the history (a <see cref="Exceptions.NonDeterministicWorkflowException"/>,
    /// with the event id), or broke a rule of deterministic execution (an <see cref="Exceptions.InvalidWorkflowOperationException"/>):
    /// deploying it would break executions like this one.
    /// </summary>
    NonDeterministic,

    /// <summary>
    /// The history does not say which execution it is and the code's decisions depend on it
    /// (a <see cref="Exceptions.ReplayExecutionRequiredException"/>): replay it again with its workflow id and run id.
    /// </summary>
    ExecutionRequired,

    /// <summary>The history could not be replayed: unreadable, of an unknown workflow type, or not downloadable.</summary>
    Error,
}
