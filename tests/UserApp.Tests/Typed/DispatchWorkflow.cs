using Swf.Exceptions;
using Swf.Workflows;

namespace UserApp.Tests.Typed;

/// <summary>A parent that uses the typed workflow API one way per mode: children, external signals, side effects, named timers.</summary>
[Workflow(TaskList = "typed", ExecutionStartToCloseTimeout = "7.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class DispatchWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string mode)
    {
        switch (mode)
        {
            case "run":
                return await ShipmentWorkflow.Child(new ChildWorkflowOptions { WorkflowId = "ship-run", TaskPriority = 3, Tags = { "parcel" } }).RunAsync("p1");
            case "start":
            {
                var child = await ShipmentWorkflow.Child(new ChildWorkflowOptions { WorkflowId = "ship-start" }).StartAsync("p2");
                await child.SignalLabelAsync("L-7");
                return $"{await child.GetResultAsync()} ({child.WorkflowId}, run id known: {child.RunId.Length > 0})";
            }

            case "cancel":
            {
                var child = await ShipmentWorkflow.Child(new ChildWorkflowOptions { WorkflowId = "ship-cancel" }).StartAsync("p3");
                await child.RequestCancelAsync();
                try
                {
                    return await child.GetResultAsync();
                }
                catch (ChildWorkflowCanceledException)
                {
                    return "child canceled";
                }
            }

            case "duplicate":
                try
                {
                    // An open execution (this one) already has the id: SWF refuses to start the child.
                    return await ShipmentWorkflow.Child(new ChildWorkflowOptions { WorkflowId = Workflow.Info.WorkflowId }).RunAsync("p4");
                }
                catch (ChildWorkflowStartFailedException ex)
                {
                    return $"not started: {ex.Cause.Value}";
                }

            case "external":
            {
                var child = await ShipmentWorkflow.Child(new ChildWorkflowOptions { WorkflowId = "ship-external" }).StartAsync("p5");
                await ShipmentWorkflow.External("ship-external").SignalLabelAsync("EXT");
                return await child.GetResultAsync();
            }

            case "side-effect":
            {
                var number = Workflow.SideEffect(() => 40 + 2);
                var word = Workflow.SideEffect(() => "forty-two");
                return $"{number} {word}";
            }

            case "timer":
                await Workflow.DelayAsync(TimeSpan.FromMinutes(5), timerId: "timer1");
                await Workflow.DelayAsync(TimeSpan.FromMinutes(5));
                return "fired";

            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown mode");
        }
    }
}
