using OrderProcessing.Orders;

namespace OrderProcessing.Payments;

/// <summary>How the sample's simulated payment provider behaves (section <c>Payments</c>).</summary>
public sealed class PaymentGatewayOptions
{
    /// <summary>Gets or sets how many charge attempts of each order paid by <see cref="PaymentMethod.NetBanking"/> time out before one succeeds.</summary>
    public int NetBankingTimeouts { get; set; } = 1;

    /// <summary>Gets or sets the largest amount a card may be charged; above it the charge is declined.</summary>
    public decimal CardLimit { get; set; } = 5_000m;
}
