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
}
