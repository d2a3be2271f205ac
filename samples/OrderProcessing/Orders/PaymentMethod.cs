using System.Text.Json.Serialization;

namespace OrderProcessing.Orders;

/// <summary>How the customer pays.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentMethod>))]
public enum PaymentMethod
{
    /// <summary>A bank transfer through the customer's net banking.</summary>
    NetBanking,

    /// <summary>A credit or debit card.</summary>
    Card,

    /// <summary>A digital wallet.</summary>
    Wallet,

    /// <summary>Cash on delivery (charged by the courier; the charge only records it).</summary>
    CashOnDelivery,
}
