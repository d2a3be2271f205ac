using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swf.Serialization;

/// <summary>
/// SWF's timestamps: JSON numbers of seconds since the Unix epoch with a fraction
/// (<c>1326592619.474</c>). Reading also accepts ISO 8601 strings, which AWS CLI v2 prints.
/// Values are UTC <see cref="DateTime"/>s with millisecond precision, as SWF keeps them.
/// </summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc/>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDecimal(out var seconds))
                {
                    throw new JsonException("A timestamp is not a number of seconds.");
                }

                return FromEpochSeconds(seconds);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var numeric))
                {
                    return FromEpochSeconds(numeric);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return parsed.UtcDateTime;
                }

                throw new JsonException($"'{text}' is not a timestamp.");
            default:
                throw new JsonException($"Expected a timestamp, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(ToEpochSeconds(value));
    }

    /// <summary>Converts seconds since the Unix epoch to a UTC time, to the millisecond.</summary>
    /// <param name="seconds">The seconds.</param>
    /// <returns>The time.</returns>
    public static DateTime FromEpochSeconds(decimal seconds) =>
        DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * 1000m, MidpointRounding.AwayFromZero) * TimeSpan.TicksPerMillisecond);

    /// <summary>Converts a time to seconds since the Unix epoch, to the millisecond.</summary>
    /// <param name="value">The time; a local time is converted to UTC first.</param>
    /// <returns>The seconds.</returns>
    public static decimal ToEpochSeconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var milliseconds = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return milliseconds / 1000m;
    }
}
