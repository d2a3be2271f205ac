namespace OrderProcessing.Orders;

/// <summary>One line of a large order (a restock or a business customer's order of many items).</summary>
/// <param name="Sku">The item.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">The price of one.</param>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);
