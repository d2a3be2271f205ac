using System.Text.Json.Serialization;

namespace OrderProcessing.Orders;

/// <summary>How an order ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Paid, shipped and delivered.</summary>
    Delivered,

    /// <summary>Rejected: by a person, by verification, or because nobody approved it in time.</summary>
    Rejected,

    /// <summary>The payment failed for good.</summary>
    PaymentFailed,

    /// <summary>Paid, but the warehouse could not ship it, so the payment was refunded.</summary>
    Refunded,
}
