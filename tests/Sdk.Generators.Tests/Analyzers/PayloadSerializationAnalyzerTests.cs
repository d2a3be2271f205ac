using Swf.Generators.Analyzers;

namespace Swf.Generators.Tests.Analyzers;

public sealed class PayloadSerializationAnalyzerTests
{
    private const string Types = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Activities;
        using Swf.Workflows;

        public sealed record Line(string Sku, int Count);
        public sealed record Order(string Id, List<Line> Lines);
        public sealed record Receipt(string Id);

        [Activities]
        public interface IPayments
        {
            Task<Receipt> ChargeAsync(Order order, CancellationToken ct);
        }

        [Workflow]
        public partial class W
        {
            [WorkflowRun]
            public Task<Receipt?> RunAsync(Order order, int? priority) => Task.FromResult<Receipt?>(null);

            [Signal]
            public Task PokeAsync(Line line) => Task.CompletedTask;
        }

        """;

    [Fact]
    public async Task Analyze_NoContext_WarnsForEveryPayloadTypeButPrimitives()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(new PayloadSerializationAnalyzer(), Types);

        var messages = diagnostics.Where(d => d.Id == "SWF1021").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("'Order'", StringComparison.Ordinal) && m.Contains("[JsonSerializable(typeof(Order))]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Receipt'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Line'", StringComparison.Ordinal));
        // int? priority: primitives need no context entry (JsonPayloadConverter has built-in metadata for them).
        Assert.DoesNotContain(messages, m => m.Contains("'int'", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public async Task Analyze_StringsAndPrimitives_AreNotReported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Swf.Activities;

            [Activities]
            public interface IPrimitives
            {
                Task<string> EchoAsync(string text, string? note);
                Task<bool> CheckAsync(char c, byte b, short s, ushort us, int i, uint ui, long l, ulong ul);
                Task<decimal?> PriceAsync(float f, double d, decimal m, decimal? maybe);
                Task<DateTime?> WhenAsync(DateTime at, DateTime? until, DateTimeOffset o, TimeSpan span, Guid id, int? count);
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new PayloadSerializationAnalyzer(), source);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("int[]")]
    [InlineData("System.Collections.Generic.List<string>")]
    [InlineData("System.Uri")]
    public async Task Analyze_CollectionsAndOtherFrameworkTypes_AreStillReported(string type)
    {
        var source = "using System.Threading.Tasks;\nusing Swf.Activities;\n[Activities] public interface IA { Task GoAsync(" + type + " value); }";

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new PayloadSerializationAnalyzer(), source);

        Assert.Equal("SWF1021", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Analyze_ContextCoversRootsAndReachableTypes_IsSilent()
    {
        const string context = """
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(Receipt))]
            public sealed partial class AppJson : JsonSerializerContext { }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new PayloadSerializationAnalyzer(), Types + context);

        Assert.DoesNotContain(diagnostics, d => d.Id == "SWF1021");
    }

    [Fact]
    public async Task Analyze_ContextMissesOneType_NamesIt()
    {
        const string context = """
            [JsonSerializable(typeof(Order))]
            public sealed partial class AppJson : JsonSerializerContext { }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new PayloadSerializationAnalyzer(), Types + context);

        var messages = diagnostics.Where(d => d.Id == "SWF1021").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains("'Receipt'", m, StringComparison.Ordinal));
    }
}
