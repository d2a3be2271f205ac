using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Tests.Serialization;

public class EpochSecondsDateTimeConverterTests
{
    [Fact]
    public void Read_EpochSecondsWithFraction_GivesUtcMillisecondTime()
    {
        var info = JsonSerializer.Deserialize("""{"name":"d","status":"REGISTERED"}""", SwfJsonContext.Default.DomainInfo)!;
        Assert.Equal(RegistrationStatus.Registered, info.Status);

        var evt = JsonSerializer.Deserialize("""{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1326592619.474}""", SwfJsonContext.Default.HistoryEvent)!;
        Assert.Equal(new DateTime(2012, 1, 15, 1, 56, 59, 474, DateTimeKind.Utc), evt.EventTimestamp);
        Assert.Equal(DateTimeKind.Utc, evt.EventTimestamp.Kind);
    }

    [Fact]
    public void Read_Iso8601String_AsAwsCliV2PrintsIt_GivesSameTime()
    {
        var evt = JsonSerializer.Deserialize("""{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":"2012-01-15T01:56:59.474000+00:00"}""", SwfJsonContext.Default.HistoryEvent)!;
        Assert.Equal(new DateTime(2012, 1, 15, 1, 56, 59, 474, DateTimeKind.Utc), evt.EventTimestamp);
    }

    // A number no DateTime holds overflowed (OverflowException, ArgumentOutOfRangeException), which swf-local answered 500.
    [Theory]
    [InlineData("1e20")]
    [InlineData("18446744073709551616")]
    [InlineData("999999999999")]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    [InlineData("-1e12")]
    [InlineData("1e28")]
    [InlineData("\"1e25\"")]
    public void Read_NumberOutsideTheYears1To9999_IsJsonException(string value)
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize($$"""{"eventId":1,"eventType":"TimerFired","eventTimestamp":{{value}}}""", SwfJsonContext.Default.HistoryEvent));

        Assert.Contains("between years 1 and 9999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("253402300799.999", 9999)]
    [InlineData("-62135596800", 1)]
    public void Read_NumberAtTheEdgesOfTheRange_IsTheFirstOrLastMillisecond(string value, int year)
    {
        var evt = JsonSerializer.Deserialize($$"""{"eventId":1,"eventType":"TimerFired","eventTimestamp":{{value}}}""", SwfJsonContext.Default.HistoryEvent)!;

        Assert.Equal(year, evt.EventTimestamp.Year);
    }

    [Fact]
    public void Write_Time_GivesEpochSecondsWithMilliseconds()
    {
        var evt = new HistoryEvent
        {
            EventId = 7,
            EventType = EventType.TimerFired,
            EventTimestamp = new DateTime(2012, 1, 15, 1, 56, 59, 474, DateTimeKind.Utc),
        };
        var json = JsonSerializer.Serialize(evt, SwfJsonContext.Default.HistoryEvent);
        Assert.Equal("""{"eventTimestamp":1326592619.474,"eventType":"TimerFired","eventId":7}""", json);
    }

    [Theory]
    [InlineData("1326592619")]
    [InlineData("1326592619.4")]
    [InlineData("1326592619.47")]
    [InlineData("1326592619.474")]
    [InlineData("1326592619.4744999")]
    [InlineData("1326592619.4745")]
    [InlineData("1326592619.9995")]
    [InlineData("0.0005")]
    [InlineData("1326592619.474e0")]
    [InlineData("1.326592619474E9")]
    [InlineData("-1.5")]
    public void Read_NumberForms_FastPathAgreesWithDecimalArithmetic(string number)
    {
        var evt = JsonSerializer.Deserialize($$"""{"eventId":1,"eventType":"TimerFired","eventTimestamp":{{number}}}""", SwfJsonContext.Default.HistoryEvent)!;

        var expected = EpochSecondsDateTimeConverter.FromEpochSeconds(decimal.Parse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, evt.EventTimestamp);
    }

    [Fact]
    public void Read_EnumValues_KnownAreTheSharedInstancesUnknownAndEscapedKeepTheirText()
    {
        var known = JsonSerializer.Deserialize("""{"eventId":1,"eventType":"TimerFired","eventTimestamp":1}""", SwfJsonContext.Default.HistoryEvent)!;
        var escaped = JsonSerializer.Deserialize("""{"eventId":1,"eventType":"Timer\u0046ired","eventTimestamp":1}""", SwfJsonContext.Default.HistoryEvent)!;
        var unknown = JsonSerializer.Deserialize("""{"eventId":1,"eventType":"SomethingNew","eventTimestamp":1}""", SwfJsonContext.Default.HistoryEvent)!;

        Assert.Same(EventType.TimerFired, known.EventType);
        Assert.Same(EventType.TimerFired, escaped.EventType);
        Assert.Equal("SomethingNew", unknown.EventType.Value);
    }
}
