namespace Swf.Testing.Engine;

/// <summary>
/// A timeout or timer on the engine's clock. Waits longer than one <see cref="ITimer"/> can hold
/// (about 49 days with <see cref="TimeProvider.System"/>; SWF allows a year) are chained in chunks.
/// </summary>
internal sealed class ScheduledAction
{
    public ITimer? Current { get; set; }

    public bool IsCancelled { get; private set; }

    public void Cancel()
    {
        IsCancelled = true;
        Current?.Dispose();
        Current = null;
    }
}
