using Swf.Serialization;
using System.Text;
using Swf.Cli.Histories;
using Swf.Cli.Tests.TestSupport;
using Swf.Model;

namespace Swf.Cli.Tests;

public sealed class HistoryFileTests
{
    [Theory]
    [InlineData("greeting.v1.json")]
    [InlineData("greeting.v2-pages.json")]
    [InlineData("greeting.v1-page-array.json")]
    public void Read_EveryCliFormat_ReadsTheSameEventsInIdOrder(string file)
    {
        var expected = HistoryFile.Read(CliRun.History("greeting.v1.json"));

        var events = HistoryFile.Read(CliRun.History(file));

        Assert.Equal(Enumerable.Range(1, 22).Select(i => (long)i), events.Select(e => e.EventId));
        Assert.Equal(expected.Select(e => (e.EventType, e.EventTimestamp)), events.Select(e => (e.EventType, e.EventTimestamp)));
        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 2, DateTimeKind.Utc), events[6].EventTimestamp);
        Assert.Equal("\"hello ada\"", events[6].ActivityTaskCompletedEventAttributes!.Result);
    }

    [Fact]
    public void Parse_PagesAppendedWithoutSeparators_ReadsBoth()
    {
        var json = """
            {"events":[{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1772355600.5,
              "workflowExecutionStartedEventAttributes":{"childPolicy":"TERMINATE","taskList":{"name":"t"},"workflowType":{"name":"W","version":"1"}}}],
             "nextPageToken":"x"}{"events":[{"eventId":2,"eventType":"DecisionTaskScheduled","eventTimestamp":"2026-03-01T09:00:01.250000+00:00",
              "decisionTaskScheduledEventAttributes":{"taskList":{"name":"t"}}}]}
            """;

        var events = HistoryFile.Parse(Encoding.UTF8.GetBytes("\uFEFF" + json), "inline");

        Assert.Equal([EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled], events.Select(e => e.EventType));
        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 0, 500, DateTimeKind.Utc), events[0].EventTimestamp);
        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 1, 250, DateTimeKind.Utc), events[1].EventTimestamp);
    }

    [Fact]
    public void Parse_BareArrayOfEvents_ReadsThem()
    {
        var events = HistoryFile.Parse("""[{"eventId":1,"eventType":"TimerFired","eventTimestamp":0,"timerFiredEventAttributes":{"timerId":"t","startedEventId":0}}]"""u8, "inline");

        Assert.Equal("t", Assert.Single(events).TimerFiredEventAttributes!.TimerId);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("{\"events\": []}", "it holds no events")]
    [InlineData("{\"events\": {}}", "\"events\" member is not an array")]
    [InlineData("[1, 2]", "an array of something other than history pages")]
    [InlineData("\"events\"", "is a string")]
    [InlineData("{\"events\": [{\"eventType\": \"TimerFired\"}]}", "no numeric eventId")]
    [InlineData("{\"events\": [{\"eventId\": 1, \"eventType\": \"TimerFired\", \"eventTimestamp\": true}]}", "event 1 (TimerFired) cannot be read")]
    [InlineData("{\"events\": [{\"eventId\": 1, \"eventType\": \"TimerFired\", \"eventTimestamp\": 0}]}{\"events\": [{\"eventId\": 1, \"eventType\": \"TimerFired\", \"eventTimestamp\": 0}]}", "event 1 appears twice")]
    [InlineData("{\"events\": [", "not valid JSON")]
    public void Parse_NotAHistory_SaysWhy(string json, string why)
    {
        var ex = Assert.Throws<CliException>(() => HistoryFile.Parse(Encoding.UTF8.GetBytes(json), "x.json"));

        Assert.StartsWith("x.json is not an SWF history: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var ex = Assert.Throws<CliException>(() => HistoryFile.Read(CliRun.History("missing.json")));

        Assert.EndsWith("missing.json: no such file.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsBothTimestampStyles()
    {
        var events = HistoryFile.Read(CliRun.History("greeting.v1.json"));

        foreach (var iso in new[] { false, true })
        {
            var json = HistoryJson.Write(events, iso);
            Assert.Equal(iso, Encoding.UTF8.GetString(json).Contains("\"eventTimestamp\": \"2026-03-01T09:00:00.000000+00:00\"", StringComparison.Ordinal));
            var copy = HistoryFile.Parse(json, "copy");
            Assert.Equal(events.Select(e => (e.EventId, e.EventType, e.EventTimestamp)), copy.Select(e => (e.EventId, e.EventType, e.EventTimestamp)));
        }
    }

    [Fact]
    public void Write_EpochTimestamps_IsByteForByteTheCheckedInV1File()
    {
        var json = HistoryJson.Write(HistoryFile.Read(CliRun.History("greeting.v1.json")), isoTimestamps: false);

        Assert.Equal(File.ReadAllText(CliRun.History("greeting.v1.json")), Encoding.UTF8.GetString(json));
    }
}
