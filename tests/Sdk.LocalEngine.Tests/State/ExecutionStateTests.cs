using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine.Tests.State;

public sealed class ExecutionStateTests
{
    [Fact]
    public void Close_Open_ClosesAndFreesTheWorkflowId()
    {
        var run = States.Run();
        var closedAt = new DateTime(2024, 1, 1, 0, 1, 0, DateTimeKind.Utc);

        run.Close(CloseStatus.Completed, closedAt);

        Assert.Equal(ExecutionPhase.Closed, run.Phase);
        Assert.Equal(CloseStatus.Completed, run.CloseStatus);
        Assert.Equal(closedAt, run.CloseTimestamp);
        Assert.Empty(run.Domain.OpenByWorkflowId);
        Assert.Same(run, run.Domain.Executions["r1"]);
    }

    [Fact]
    public void Close_Closed_Throws()
    {
        var run = States.Run();
        run.Close(CloseStatus.Completed, DateTime.UnixEpoch);

        var ex = Assert.Throws<InvalidOperationException>(() => run.Close(CloseStatus.Failed, DateTime.UnixEpoch));

        Assert.Equal("Engine bug: run r1 of workflow wf-1 cannot Close from Closed.", ex.Message);
    }

    [Fact]
    public void Append_Closed_Throws()
    {
        var run = States.Run();
        run.Close(CloseStatus.Completed, DateTime.UnixEpoch);

        var ex = Assert.Throws<InvalidOperationException>(() => run.Append(EventType.MarkerRecorded, DateTime.UnixEpoch, _ => { }));

        Assert.Equal("Engine bug: MarkerRecorded appended to closed run r1.", ex.Message);
    }

    [Fact]
    public void NoteEventForDecider_StartedTaskOrBatch_MarksInsteadOfScheduling()
    {
        var run = States.Run();
        Assert.True(run.NoteEventForDecider());

        var task = States.DecisionTask(run);
        Assert.False(run.NoteEventForDecider());
        task.Start(3, "token");
        Assert.False(run.NoteEventForDecider());
        Assert.True(run.EventsSinceDecisionTaskStarted);

        run.BeginDecisionBatch(needsDecision: false);
        Assert.False(run.NoteEventForDecider());
        run.EndDecisionBatch();
        Assert.True(run.TakeNeedsDecisionAfterBatch());
        Assert.False(run.TakeNeedsDecisionAfterBatch());
    }
}
