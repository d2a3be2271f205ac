using Microsoft.Extensions.DependencyInjection;
using Moq;
using Swf.Hosting;
using Swf.Testing;

namespace Docs.Snippets.Workflows;

public sealed class ExpenseWorkflowTests
{
    #region time-skipping
    [Fact]
    public async Task RunAsync_NoDecisionInThreeDays_Expires()
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<ExpenseWorkflow>()
            .AddActivities<IExpenseActivities, ExpenseActivities>());
        var expenses = new ExpenseWorkflowClient(env.Client);
        var handle = await expenses.StartAsync(120m, "expense-1");

        // Three days of timers on the fake clock: milliseconds of test time.
        await env.RunUntilClosedAsync();

        Assert.Equal("expired", await handle.GetResultAsync());
    }
    #endregion

    #region mocking
    [Fact]
    public async Task RunAsync_Approved_PaysThroughTheMock()
    {
        var activities = new Mock<IExpenseActivities>(MockBehavior.Strict);
        activities.Setup(a => a.PayAsync(120m)).ReturnsAsync("mock-payment");
        // Registering the interface in DI replaces the implementation.
        await using var env = await SwfTestEnvironment.StartAsync(
            swf => swf
                .AddWorkflow<ExpenseWorkflow>()
                .AddActivities<IExpenseActivities, ExpenseActivities>(),
            services => services.AddSingleton(activities.Object));
        var expenses = new ExpenseWorkflowClient(env.Client);
        var handle = await expenses.StartAsync(120m, "expense-2");

        await handle.SignalDecideAsync(true);
        await env.RunUntilClosedAsync();

        Assert.Equal("mock-payment", await handle.GetResultAsync());
        activities.Verify(a => a.PayAsync(120m), Times.Once());
    }
    #endregion
}
