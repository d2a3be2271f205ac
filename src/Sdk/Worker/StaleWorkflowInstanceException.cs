namespace Swf.Worker;

/// <summary>
/// A cached workflow instance is ahead of history (SWF timed out a decision task it answered);
/// the decider drops it and replays the run from scratch.
/// </summary>
internal sealed class StaleWorkflowInstanceException : Exception
{
    public StaleWorkflowInstanceException(long eventId)
        : base($"The cached workflow instance is ahead of history: its decision task timed out (event {eventId}).")
    {
        EventId = eventId;
    }

    public long EventId { get; }
}
