namespace Swf.LocalEngine.State;

/// <summary>A started timer of a run.</summary>
internal sealed class TimerState
{
    public required string TimerId { get; init; }

    public required long StartedEventId { get; init; }

    public ScheduledAction? Timer { get; set; }
}
