using System.Text.Json;
using System.Text.Json.Serialization;
using Swf.Converters;

namespace Swf.Tests.Converters;

public sealed partial class JsonPayloadConverterTests
{
    // A context that reaches int (through Counted) but no string, bool, decimal or DateTime.
    private static readonly JsonPayloadConverter Converter = new(CountedJsonContext.Default);

    [Fact]
    public void Serialize_StringTheContextDoesNotKnow_UsesBuiltInMetadata()
    {
        var data = Converter.Serialize("ship it");

        Assert.Equal("\"ship it\"", data);
        Assert.Equal("ship it", Converter.Deserialize<string>(data));
    }

    [Fact]
    public void RoundTrip_PrimitivesAndNullables_NeedNoContextEntries()
    {
        var when = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        Assert.True(Converter.Deserialize<bool>(Converter.Serialize(true)));
        Assert.Equal('x', Converter.Deserialize<char>(Converter.Serialize('x')));
        Assert.Equal(12.5m, Converter.Deserialize<decimal?>(Converter.Serialize<decimal?>(12.5m)));
        Assert.Equal(when, Converter.Deserialize<DateTime?>(Converter.Serialize<DateTime?>(when)));
        Assert.Equal(long.MaxValue, Converter.Deserialize<long>(Converter.Serialize(long.MaxValue)));
        Assert.Equal(TimeSpan.FromMinutes(5), Converter.Deserialize<TimeSpan>(Converter.Serialize(TimeSpan.FromMinutes(5))));
        Assert.Null(Converter.Serialize<int?>(null));
    }

    [Fact]
    public void Serialize_TypeTheContextKnows_UsesTheContext()
    {
        Assert.Equal("{\"count\":3}", Converter.Serialize(new Counted(3)));
    }

    [Fact]
    public void Serialize_TypeNeitherKnows_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => Converter.Serialize(new Uncovered("x")));
    }

    [Fact]
    public void Serialize_BuiltInType_KeepsTheCallersOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = CountedJsonContext.Default, NumberHandling = JsonNumberHandling.WriteAsString };
        var converter = new JsonPayloadConverter(options);

        Assert.Equal("\"7\"", converter.Serialize(7L));
    }

    internal sealed record Counted(int Count);

    internal sealed record Uncovered(string Name);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Counted))]
    internal sealed partial class CountedJsonContext : JsonSerializerContext;
}
