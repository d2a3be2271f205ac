namespace Docs.Snippets.Workflows;

public sealed class ExpenseActivities : IExpenseActivities
{
    public Task RemindAsync(string approver) => Task.CompletedTask;

    public Task<string> PayAsync(decimal amount) => Task.FromResult("payment-1");
}
