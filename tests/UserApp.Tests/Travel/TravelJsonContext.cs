using System.Text.Json.Serialization;

namespace UserApp.Tests.Travel;

/// <summary>The payloads' source-generated JSON metadata (no reflection, so workers can publish with Native AOT).</summary>
[JsonSerializable(typeof(Trip))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(Charge))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Confirmation))]
[JsonSerializable(typeof(TripResult))]
[JsonSerializable(typeof(VisaApplication))]
[JsonSerializable(typeof(VisaDecision))]
[JsonSerializable(typeof(VisaResult))]
[JsonSerializable(typeof(FareWatch))]
[JsonSerializable(typeof(FareAlert))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(decimal))]
public sealed partial class TravelJsonContext : JsonSerializerContext
{
}
