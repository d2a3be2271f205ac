using Swf.Model;
using Swf.Serialization;

namespace Swf.Tests.Serialization;

public class HistoryJsonTests
{
    private const string CliV1Page1 = """{"events":[{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1700000000.5,"workflowExecutionStartedEventAttributes":{"workflowType":{"name":"W","version":"1"},"taskList":{"name":"t"},"childPolicy":"TERMINATE"}}],"nextPageToken":"abc"}""";
    private const string CliV1Page2 = """{"events":[{"eventId":2,"eventType":"DecisionTaskScheduled","eventTimestamp":1700000001,"decisionTaskScheduledEventAttributes":{"taskList":{"name":"t"}}}]}""";

    [Fact]
    public void Parse_CliV2IsoTimestamps_ReadsUtcTimes()
    {
        const string v2 = """{"events":[{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":"2023-11-14T22:13:20.500000+00:00","workflowExecutionStartedEventAttributes":{"workflowType":{"name":"W","version":"1"},"taskList":{"name":"t"},"childPolicy":"TERMINATE"}}]}""";

        var events = HistoryJson.Parse(v2);

        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), events[0].EventTimestamp);
    }

    [Fact]
    public void Parse_PagesOneAfterAnother_JoinsThemInOrder()
    {
        var events = HistoryJson.Parse(CliV1Page1 + "\n" + CliV1Page2);

        Assert.Equal([1L, 2L], events.Select(e => e.EventId));
        Assert.Equal(EventType.DecisionTaskScheduled, events[1].EventType);
    }

    [Fact]
    public void Parse_ArrayOfPages_JoinsThemInOrder()
    {
        var events = HistoryJson.Parse($"[{CliV1Page1},{CliV1Page2}]");

        Assert.Equal(2, events.Count);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("{\"domainInfos\":[]}", "an object without \"events\"")]
    [InlineData("{\"events\":[]}", "it holds no events")]
    [InlineData("not json", "it is not valid JSON")]
    [InlineData("[1,2]", "an array of something other than history pages or events")]
    public void Parse_NotAHistory_ThrowsFormatExceptionSayingWhy(string text, string why)
    {
        var ex = Assert.Throws<FormatException>(() => HistoryJson.Parse(text));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenParse_RoundTripsEventsWithEpochSeconds()
    {
        var events = HistoryJson.Parse(CliV1Page1 + CliV1Page2);

        var text = System.Text.Encoding.UTF8.GetString(HistoryJson.Write(events));

        Assert.Contains("\"eventTimestamp\": 1700000000.5", text, StringComparison.Ordinal);
        Assert.Equal(events.Select(e => e.EventId), HistoryJson.Parse(text).Select(e => e.EventId));
    }
}
