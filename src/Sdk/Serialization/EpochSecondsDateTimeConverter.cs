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
                if (!reader.HasValueSequence && TryReadMilliseconds(reader.ValueSpan, out var milliseconds))
                {
                    return DateTime.UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
                }

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

    /// <summary>
    /// Reads the usual form, <c>digits[.digits]</c>, straight to whole milliseconds (rounded half away
    /// from zero, as <see cref="FromEpochSeconds"/> does): every event has a timestamp, and decimal
    /// parsing and arithmetic were a visible share of reading a history. Anything else (a sign, an
    /// exponent, a huge value) is left to the decimal path.
    /// </summary>
    private static bool TryReadMilliseconds(ReadOnlySpan<byte> text, out long milliseconds)
    {
        milliseconds = 0;
        var i = 0;
        long whole = 0;
        for (; i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            if (i >= 12)
            {
                return false;
            }

            whole = (whole * 10) + (text[i] - '0');
        }

        if (i == 0)
        {
            return false;
        }

        long fraction = 0;
        var roundUp = false;
        if (i < text.Length)
        {
            if (text[i] != '.' || i + 1 == text.Length)
            {
                return false;
            }

            for (var digit = 0; ++i < text.Length; digit++)
            {
                var c = text[i];
                if (c is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                if (digit < 3)
                {
                    fraction = (fraction * 10) + (c - '0');
                }
                else if (digit == 3)
                {
                    // The first dropped digit decides: 5 or more means at least half a millisecond.
                    roundUp = c >= '5';
                }
            }

            for (var digit = Math.Min(CountFractionDigits(text), 3); digit < 3; digit++)
            {
                fraction *= 10;
            }
        }

        milliseconds = (whole * 1000) + fraction + (roundUp ? 1 : 0);
        return true;
    }

    private static int CountFractionDigits(ReadOnlySpan<byte> text)
    {
        var dot = text.IndexOf((byte)'.');
        return dot < 0 ? 0 : text.Length - dot - 1;
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
