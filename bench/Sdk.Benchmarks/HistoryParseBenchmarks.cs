using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Benchmarks;

/// <summary>The parse floor: reading a history of n sequential activities from SWF's JSON into the model.</summary>
[MemoryDiagnoser]
public class HistoryParseBenchmarks
{
    private byte[] _json = [];

    /// <summary>Gets or sets the number of sequential activities in the history.</summary>
    [Params(16, 166, 1666, 4166)]
    public int Activities { get; set; }

    /// <summary>Builds the history JSON once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("{\"events\":[");
        long id = 0;
        var time = 1_700_000_000m;
        void Add(string type, string attributes)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(id == 0 ? string.Empty : ",")}{{\"eventId\":{++id},\"eventType\":\"{type}\",\"eventTimestamp\":{time += 0.25m},\"{char.ToLowerInvariant(type[0])}{type[1..]}EventAttributes\":{attributes}}}");
        }

        Add("WorkflowExecutionStarted", "{\"workflowType\":{\"name\":\"Seq\",\"version\":\"1\"},\"taskList\":{\"name\":\"d\"},\"childPolicy\":\"TERMINATE\",\"input\":\"0\"}");
        for (var i = 0; i < Activities; i++)
        {
            var scheduled = id + 4;
            Add("DecisionTaskScheduled", "{\"taskList\":{\"name\":\"d\"}}");
            Add("DecisionTaskStarted", $"{{\"scheduledEventId\":{id}}}");
            Add("DecisionTaskCompleted", $"{{\"scheduledEventId\":{id - 1},\"startedEventId\":{id}}}");
            Add("ActivityTaskScheduled", $"{{\"activityType\":{{\"name\":\"Step\",\"version\":\"1\"}},\"activityId\":\"{i + 1}\",\"taskList\":{{\"name\":\"a\"}},\"input\":\"{i}\",\"decisionTaskCompletedEventId\":{id}}}");
            Add("ActivityTaskStarted", $"{{\"scheduledEventId\":{scheduled}}}");
            Add("ActivityTaskCompleted", $"{{\"scheduledEventId\":{scheduled},\"startedEventId\":{id},\"result\":\"{i + 1}\"}}");
        }

        json.Append("]}");
        _json = Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>Deserializes the whole history.</summary>
    /// <returns>The number of events read.</returns>
    [Benchmark]
    public int Parse() => JsonSerializer.Deserialize(_json, SwfJsonResponses.For<History>())!.Events.Count;
}
