using System.Text.Json.Serialization;

namespace OrderProcessing.Orders;

/// <summary>Source-generated JSON metadata for every payload of the sample (no reflection at run time).</summary>
[JsonSerializable(typeof(Approval))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderLine))]
[JsonSerializable(typeof(OrderResult))]
[JsonSerializable(typeof(PaymentMethod))]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Shipment))]
[JsonSerializable(typeof(Verification))]
[JsonSerializable(typeof(string))]
public sealed partial class OrderJsonContext : JsonSerializerContext
{
}
