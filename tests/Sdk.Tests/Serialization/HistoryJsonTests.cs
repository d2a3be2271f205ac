using System.Globalization;
using System.Text;
using System.Text.Json;
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

    [Fact]
    public void ParseDocument_PollForDecisionTaskOutput_ReadsTheEventsAndTheExecution()
    {
        // The shape 'aws swf poll-for-decision-task' prints: the page's events beside the task's other members.
        const string poll = """
            {
              "events": [
                {"eventId": 1, "eventTimestamp": "2024-05-01T10:00:00.000Z", "eventType": "WorkflowExecutionStarted",
                 "workflowExecutionStartedEventAttributes": {"childPolicy": "TERMINATE", "taskList": {"name": "t"}, "workflowType": {"name": "W", "version": "1"}}}
              ],
              "previousStartedEventId": 0,
              "startedEventId": 3,
              "taskToken": "AAAA",
              "workflowExecution": {"runId": "22xYz+abc=", "workflowId": "order-42"},
              "workflowType": {"name": "W", "version": "1"}
            }
            """;

        var document = HistoryJson.ParseDocument(poll);

        Assert.Equal([1L], document.Events.Select(e => e.EventId));
        Assert.Equal("order-42", document.Execution!.WorkflowId);
        Assert.Equal("22xYz+abc=", document.Execution.RunId);
    }

    [Fact]
    public void ParseDocument_CliOutputWithoutExecution_HasNone()
    {
        var document = HistoryJson.ParseDocument(CliV1Page1 + CliV1Page2);

        Assert.Equal(2, document.Events.Count);
        Assert.Null(document.Execution);
    }

    [Fact]
    public void ParseDocument_PagesNamingTheSameExecution_ReadsIt()
    {
        const string execution = ""","workflowExecution":{"workflowId":"w","runId":"r"}}""";

        var document = HistoryJson.ParseDocument(CliV1Page1[..^1] + execution + CliV1Page2[..^1] + execution);

        Assert.Equal(("w", "r"), (document.Execution!.WorkflowId, document.Execution.RunId));
    }

    [Theory]
    [InlineData(""","workflowExecution":{"workflowId":"w","runId":"other"}}""", "its pages name different executions (workflow id 'w' run id 'r', and workflow id 'w' run id 'other')")]
    [InlineData(""","workflowExecution":{"workflowId":"w"}}""", "its \"workflowExecution\" member is not {\"workflowId\": ..., \"runId\": ...} with two strings")]
    [InlineData(""","workflowExecution":"w/r"}""", "its \"workflowExecution\" member is not")]
    public void ParseDocument_BadOrConflictingExecution_ThrowsFormatExceptionSayingWhy(string secondExecution, string why)
    {
        var text = CliV1Page1[..^1] + ""","workflowExecution":{"workflowId":"w","runId":"r"}}""" + CliV1Page2[..^1] + secondExecution;

        var ex = Assert.Throws<FormatException>(() => HistoryJson.ParseDocument(text, "run.json"));

        Assert.Contains("run.json is not an SWF history: " + why, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""","workflowExecution":{"workflowId":"w"}}""", "its \"workflowExecution\" member is not {\"workflowId\": ..., \"runId\": ...} with two strings")]
    [InlineData(""","workflowExecution":{"workflowId":"","runId":"r"}}""", "its \"workflowExecution\" member is not {\"workflowId\": ..., \"runId\": ...} with two strings")]
    [InlineData(""","workflowExecution":"w/r"}""", "its \"workflowExecution\" member is not")]
    public void ParseDocument_OnePageWithBadExecution_ThrowsFormatExceptionSayingWhy(string execution, string why)
    {
        // One page is read in a single serializer call; a page it cannot take is read again by the general reader, for the message.
        var ex = Assert.Throws<FormatException>(() => HistoryJson.ParseDocument(CliV1Page1[..^1] + execution, "run.json"));

        Assert.Contains("run.json is not an SWF history: " + why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnePageWithCommentsAndTrailingCommas_ReadsItAsTheGeneralReaderDoes()
    {
        var text = "// saved by hand\n" + CliV1Page1[..^1].Replace("}}]", "}},]", StringComparison.Ordinal) + ",}";

        var events = HistoryJson.Parse(text);

        Assert.Equal([1L], events.Select(e => e.EventId));
    }

    [Fact]
    public void Write_WithExecution_WritesItAfterTheEventsAndReadsBack()
    {
        var events = HistoryJson.Parse(CliV1Page1 + CliV1Page2);

        var text = System.Text.Encoding.UTF8.GetString(HistoryJson.Write(events, new WorkflowExecution { WorkflowId = "order-1", RunId = "run/1+=" }, isoTimestamps: true));
        var document = HistoryJson.ParseDocument(text);

        Assert.EndsWith("""
                ],
                "workflowExecution": {
                    "workflowId": "order-1",
                    "runId": "run/1+="
                }
            }

            """.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(events.Select(e => e.EventId), document.Events.Select(e => e.EventId));
        Assert.Equal(("order-1", "run/1+="), (document.Execution!.WorkflowId, document.Execution.RunId));
        Assert.Equal(HistoryJson.Write(events, isoTimestamps: true), HistoryJson.Write(events, null, isoTimestamps: true));
    }

    [Fact]
    public void Parse_LongestHistoryAsOneDocument_ReadsWhatTheSerializerReads()
    {
        var json = LongHistory(25_000);

        var events = HistoryJson.Parse(json);

        // The reference reading: the serializer over the whole document, as the wire client reads a response.
        var expected = JsonSerializer.Deserialize(json, SwfJsonResponses.For<History>())!.Events;
        Assert.Equal(25_000, events.Count);
        Assert.Equal(HistoryJson.Write(expected), HistoryJson.Write(events));
    }

    [Fact]
    public void Parse_LongestHistoryInPagesOfAThousand_ReadsTheSameEventsInEveryForm()
    {
        var expected = HistoryJson.Write(JsonSerializer.Deserialize(LongHistory(25_000), SwfJsonResponses.For<History>())!.Events);
        var pages = Enumerable.Range(0, 25).Select(p => LongHistory(1_000, firstId: (p * 1_000) + 1, nextPageToken: p < 24 ? "page-" + p : null)).ToList();

        var appended = HistoryJson.Parse(string.Concat(pages));
        var arrayOfPages = HistoryJson.Parse("[" + string.Join(",", pages) + "]");
        var reversed = HistoryJson.Parse(string.Concat(Enumerable.Reverse(pages)));

        Assert.Equal(expected, HistoryJson.Write(appended));
        Assert.Equal(expected, HistoryJson.Write(arrayOfPages));
        Assert.Equal(expected, HistoryJson.Write(reversed));
    }

    [Fact]
    public void Parse_BareArrayOfEvents_ReadsWhatTheSerializerReads()
    {
        var json = LongHistory(2_000);
        using var document = JsonDocument.Parse(json);
        var bare = document.RootElement.GetProperty("events").GetRawText();

        var events = HistoryJson.Parse(bare);

        Assert.Equal(HistoryJson.Write(JsonSerializer.Deserialize(json, SwfJsonResponses.For<History>())!.Events), HistoryJson.Write(events));
    }

    [Theory]
    [InlineData("""{"eventId":"2","eventType":"DecisionTaskScheduled","eventTimestamp":1}""", "an event has no numeric eventId or no eventType: {\"eventId\":\"2\"")]
    [InlineData("""{"eventId":2,"eventTimestamp":1}""", "an event has no numeric eventId or no eventType: {\"eventId\":2,\"eventTimestamp\":1}")]
    [InlineData("""{"eventId":2,"eventType":"DecisionTaskScheduled","eventTimestamp":1,"decisionTaskScheduledEventAttributes":{"taskList":5}}""", "event 2 (DecisionTaskScheduled) cannot be read: ")]
    [InlineData("7", "an event has no numeric eventId or no eventType: 7")]
    public void Parse_BadEventAmongGoodOnes_NamesTheEvent(string bad, string why)
    {
        // The bad event sits after 1,500 good ones on the page, so the page's one-call read fails and the event-by-event read names it.
        var good = LongHistory(1_500);
        var text = good[..good.LastIndexOf(']')] + "," + bad + "]}";

        var ex = Assert.Throws<FormatException>(() => HistoryJson.Parse(text, "h.json"));

        Assert.Contains("h.json is not an SWF history: " + why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidJsonInsideAPage_SaysItIsNotValidJson()
    {
        var good = LongHistory(1_500);
        var text = good[..good.LastIndexOf(']')] + ",{\"eventId\":1501,}}]}";

        var ex = Assert.Throws<FormatException>(() => HistoryJson.Parse(text));

        Assert.Contains("it is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A page of <paramref name="count"/> events in CLI v1 form: activities scheduled and completed, with inputs, results and fractional timestamps.</summary>
    private static string LongHistory(int count, int firstId = 1, string? nextPageToken = null)
    {
        var text = new StringBuilder("{\"events\":[");
        for (var id = firstId; id < firstId + count; id++)
        {
            if (id > firstId)
            {
                text.Append(',');
            }

            var timestamp = (1_700_000_000m + (id * 0.25m)).ToString(CultureInfo.InvariantCulture);
            text.Append(id == 1
                ? $$$"""{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":{{{timestamp}}},"workflowExecutionStartedEventAttributes":{"input":"\"start\"","workflowType":{"name":"W","version":"1"},"taskList":{"name":"t"},"childPolicy":"TERMINATE"}}"""
                : (id % 2) == 0
                    ? $$$"""{"eventId":{{{id}}},"eventType":"ActivityTaskScheduled","eventTimestamp":{{{timestamp}}},"activityTaskScheduledEventAttributes":{"activityType":{"name":"Step","version":"1"},"activityId":"{{{id}}}","input":"{\"n\":{{{id}}},\"text\":\"caf\u00e9 \u2603\"}","taskList":{"name":"t"},"decisionTaskCompletedEventId":{{{id - 1}}}}}"""
                    : $$$"""{"eventId":{{{id}}},"eventType":"ActivityTaskCompleted","eventTimestamp":{{{timestamp}}},"activityTaskCompletedEventAttributes":{"result":"{{{id}}}","scheduledEventId":{{{id - 1}}},"startedEventId":{{{id - 1}}}}}""");
        }

        text.Append(']');
        if (nextPageToken is not null)
        {
            text.Append(",\"nextPageToken\":\"").Append(nextPageToken).Append('"');
        }

        return text.Append('}').ToString();
    }
}
