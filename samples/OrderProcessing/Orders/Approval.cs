namespace OrderProcessing.Orders;

/// <summary>A person's answer to an order: the input of the <c>Approve</c> and <c>Reject</c> signals.</summary>
/// <param name="By">Who answered.</param>
/// <param name="Comment">Why, or null.</param>
public sealed record Approval(string By, string? Comment = null);
