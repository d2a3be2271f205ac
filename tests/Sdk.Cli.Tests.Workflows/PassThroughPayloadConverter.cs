using Swf.Converters;

namespace Swf.Cli.Tests.Workflows;

/// <summary>A payload converter in the workflow assembly, for <c>swf replay --payload-converter</c>.</summary>
public sealed class PassThroughPayloadConverter : IPayloadConverter
{
    public static PassThroughPayloadConverter Instance { get; } = new();

    private readonly JsonPayloadConverter _inner = JsonPayloadConverter.CreateReflectionBased();

    public string? Serialize<T>(T value) => _inner.Serialize(value);

    public T? Deserialize<T>(string? data) => _inner.Deserialize<T>(data);
}
