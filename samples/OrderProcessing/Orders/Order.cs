namespace OrderProcessing.Orders;

/// <summary>An order as the shop places it: the workflow's input.</summary>
/// <param name="Id">The order id (the workflow id is <c>order-{Id}</c>).</param>
/// <param name="Customer">Who ordered.</param>
/// <param name="Item">The SKU to ship.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Total">The amount to charge.</param>
/// <param name="Payment">The payment method, or null when the customer chooses it later (the <c>ChoosePayment</c> signal).</param>
/// <param name="Approval">The approval timers, or null for <see cref="ApprovalPolicy.Default"/>.</param>
/// <param name="Lines">The order's lines, for an order of many items (thousands make it larger than SWF's 32,768-character limit: the payload pipeline's claim check keeps it in a store); null for a single-item order.</param>
public sealed record Order(string Id, string Customer, string Item, int Quantity, decimal Total, PaymentMethod? Payment = null, ApprovalPolicy? Approval = null, IReadOnlyList<OrderLine>? Lines = null)
{
    /// <summary>Gets the workflow id of an order.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The workflow id.</returns>
    public static string WorkflowId(string orderId) => "order-" + orderId;
}
