namespace Swf.LocalEngine;

/// <content>What tests need to skip time: when the engine next has something to do.</content>
public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// Gets when the engine next acts on its own (a timer fires, a timeout expires, a long poll ends),
    /// or null when nothing is scheduled. A test on a fake clock advances to it when every worker is idle.
    /// </summary>
    public DateTimeOffset? NextScheduledTime
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Min?.DueAt;
            }
        }
    }
}
