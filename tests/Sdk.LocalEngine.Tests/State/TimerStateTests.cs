using Swf.LocalEngine.State;

namespace Swf.LocalEngine.Tests.State;

public sealed class TimerStateTests
{
    [Fact]
    public void Fire_Canceled_Throws()
    {
        var timer = new TimerState { TimerId = "t1", StartedEventId = 5, Undo = new UndoLog() };
        timer.Cancel();

        var ex = Assert.Throws<InvalidOperationException>(timer.Fire);

        Assert.Equal(TimerPhase.Canceled, timer.Phase);
        Assert.Equal("Engine bug: timer t1 (started by event 5) cannot Fire from Canceled.", ex.Message);
    }
}
