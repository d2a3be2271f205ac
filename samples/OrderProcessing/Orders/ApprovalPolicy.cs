namespace OrderProcessing.Orders;

/// <summary>How long an order waits for a person's approval: a reminder after <see cref="RemindAfter"/>, automatic rejection after <see cref="Deadline"/>.</summary>
/// <remarks>
/// Part of the workflow's input (not read from configuration inside the workflow), so a replay sees
/// the same values the original run saw. SWF timers count whole seconds.
/// </remarks>
/// <param name="RemindAfter">When to remind the approver.</param>
/// <param name="Deadline">When to give up and reject the order, counted from the start.</param>
public sealed record ApprovalPolicy(TimeSpan RemindAfter, TimeSpan Deadline)
{
    /// <summary>Gets the production policy: a reminder after one day, rejection after two.</summary>
    public static ApprovalPolicy Default { get; } = new(TimeSpan.FromDays(1), TimeSpan.FromDays(2));
}
