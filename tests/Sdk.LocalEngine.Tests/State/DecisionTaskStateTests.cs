using Swf.LocalEngine.State;

namespace Swf.LocalEngine.Tests.State;

public sealed class DecisionTaskStateTests
{
    [Fact]
    public void Finish_Started_EndsTheRunsDecisionTask()
    {
        var run = States.Run();
        var task = States.DecisionTask(run);
        task.Start(3, "token");

        task.Finish();

        Assert.Equal(DecisionTaskPhase.Done, task.Phase);
        Assert.Null(run.DecisionTask);
        Assert.Equal("Engine bug: decision task 2 of run r1 cannot Finish from Done.", Assert.Throws<InvalidOperationException>(task.Finish).Message);
    }

    [Fact]
    public void Start_Done_Throws()
    {
        var task = States.DecisionTask(States.Run());
        task.Finish();

        var ex = Assert.Throws<InvalidOperationException>(() => task.Start(3, "token"));

        Assert.Equal("Engine bug: decision task 2 of run r1 cannot Start from Done.", ex.Message);
    }

    [Fact]
    public void ScheduleDecisionTask_OneAlreadyScheduled_Throws()
    {
        var run = States.Run();
        States.DecisionTask(run);

        var ex = Assert.Throws<InvalidOperationException>(() => States.DecisionTask(run));

        Assert.Equal("Engine bug: run r1 of workflow wf-1 cannot ScheduleDecisionTask from Open.", ex.Message);
    }
}
