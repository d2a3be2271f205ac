using Swf.Workflows;

namespace Swf.Benchmarks;

/// <summary>
/// The workflow of the workflow-test benchmark and of bench/WorkflowTestSuite: reserve, wait a day for the
/// payment window, charge, ship. The day is what a test environment without time skipping cannot run.
/// </summary>
[Workflow(TaskList = "orders", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class OrderWorkflow
{
    private readonly IOrderActivities _steps = Workflow.Activities<IOrderActivities>();

    /// <summary>Runs the order.</summary>
    /// <param name="order">The order id.</param>
    /// <returns>What the last step returned.</returns>
    [WorkflowRun]
    public async Task<string> RunAsync(string order)
    {
        var reservation = await _steps.ReserveAsync(order);
        await Workflow.DelayAsync(TimeSpan.FromDays(1));
        var receipt = await _steps.ChargeAsync(reservation);
        return await _steps.ShipAsync(receipt);
    }
}
