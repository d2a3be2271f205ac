using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swf.Serialization;

/// <summary>
/// SWF's timestamps: JSON numbers of seconds since the Unix epoch with a fraction
/// (<c>1326592619.474</c>). Reading also accepts ISO 8601 strings, which AWS CLI v2 prints.
/// Values are UTC <see cref="DateTime"/>s with millisecond precision, as SWF keeps them; a number
/// outside what a <see cref="DateTime"/> holds (years 1 to 9999) is a <see cref="JsonException"/>.
/// </summary>
internal sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <summary>The earliest and latest instants a <see cref="DateTime"/> holds, in milliseconds since the Unix epoch.</summary>
    private const long MinMilliseconds = -62_135_596_800_000;
    private const long MaxMilliseconds = 253_402_300_799_999;

    /// <inheritdoc/>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.HasValueSequence && TryReadMilliseconds(reader.ValueSpan, out var milliseconds) && milliseconds <= MaxMilliseconds)
                {
                    return DateTime.UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
                }

                if (!reader.TryGetDecimal(out var seconds))
                {
                    throw new JsonException("A timestamp is not a number of seconds.");
                }

                return FromCheckedEpochSeconds(seconds);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var numeric))
                {
                    return FromCheckedEpochSeconds(numeric);
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

    /// <summary>Converts seconds read from JSON, refusing a value no <see cref="DateTime"/> holds.</summary>
    private static DateTime FromCheckedEpochSeconds(decimal seconds)
    {
        // Compared in seconds first: a huge value would overflow decimal once multiplied by 1000.
        if (seconds < MinMilliseconds / 1000m || seconds > (MaxMilliseconds + 1) / 1000m
            || Math.Round(seconds * 1000m, MidpointRounding.AwayFromZero) is var milliseconds && (milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds))
        {
            throw new JsonException(string.Create(
                CultureInfo.InvariantCulture,
                $"A timestamp must be between years 1 and 9999 (from {MinMilliseconds / 1000} to {MaxMilliseconds / 1000m} seconds since 1970); it is {seconds}."));
        }

        return FromEpochSeconds(seconds);
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
