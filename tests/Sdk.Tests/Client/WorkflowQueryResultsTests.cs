using Swf.Client;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Serialization;

namespace Swf.Tests.Client;

public sealed class WorkflowQueryResultsTests
{
    private static readonly IPayloadConverter Converter = new JsonPayloadConverter(SwfJsonContext.Default);

    [Fact]
    public void Parse_ContextTheRuntimeWrote_GivesEachValueWithTheTaskTime()
    {
        var asOf = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var context = WorkflowQueryResults.Write(asOf, [new("Stage", "\"poked\""), new("signals", "2"), new("none", null)]);

        var results = WorkflowQueryResults.Parse(context, "w1", "r1");

        Assert.Equal("{\"$asOf\":\"2026-01-02T03:04:05.678Z\",\"Stage\":\"poked\",\"signals\":2,\"none\":null}", context);
        Assert.Equal(asOf, results.AsOf);
        Assert.Equal(DateTimeKind.Utc, results.AsOf.Kind);
        Assert.Equal(["Stage", "signals", "none"], results.Names);
        Assert.Equal(new QueryResult<string>("poked", asOf), results.Get<string>("Stage", Converter));
        Assert.Equal(2, results.Get<int>("signals", Converter).Value);
        Assert.True(results.TryGetRaw("none", out var raw));
        Assert.Null(raw);
    }

    [Fact]
    public void Get_QueryTheContextLacks_ThrowsNamingItAndTheOnesItHas()
    {
        var results = WorkflowQueryResults.Parse("{\"$asOf\":\"2026-01-02T03:04:05.000Z\",\"Stage\":\"x\"}", "w1", "r1");

        var ex = Assert.Throws<WorkflowQueryException>(() => results.Get<int>("Total", Converter));

        Assert.Equal("Total", ex.QueryName);
        Assert.Contains("has no query 'Total' (it has: Stage)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("state=shipping")]
    [InlineData("{\"Stage\":\"x\"}")]
    public void Parse_NoContextOrAnotherFrameworks_ThrowsWorkflowQueryException(string? context)
    {
        var ex = Assert.Throws<WorkflowQueryException>(() => WorkflowQueryResults.Parse(context, "w1", "r1"));

        Assert.Equal("w1", ex.WorkflowId);
        Assert.Null(ex.QueryName);
    }
}
