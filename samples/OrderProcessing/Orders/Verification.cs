namespace OrderProcessing.Orders;

/// <summary>The result of checking an order before anyone is asked to approve it.</summary>
/// <param name="Ok">Whether the order can go on.</param>
/// <param name="Problem">What is wrong, when it cannot.</param>
public sealed record Verification(bool Ok, string? Problem = null);
