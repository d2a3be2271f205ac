using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Swf.Converters;

/// <summary>
/// Encodes payloads as JSON with System.Text.Json. Give it options whose resolver knows your types
/// (a source-generated <c>JsonSerializerContext</c>) to stay free of reflection and publish with
/// Native AOT; without one it falls back to reflection where the runtime allows it.
/// </summary>
/// <remarks>
/// Strings, primitive numbers, <see cref="bool"/>, <see cref="char"/>, <see cref="DateTime"/>,
/// <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>, <see cref="Guid"/> and their nullable forms need no
/// entry in your context: when your resolver does not know one of them, the converter uses built-in
/// source-generated metadata, with your options' settings and converters.
/// </remarks>
public sealed class JsonPayloadConverter : IPayloadConverter
{
    private readonly JsonSerializerOptions _builtIn;

    /// <summary>Initializes a converter with the given options.</summary>
    /// <param name="options">The serializer options; their <see cref="JsonSerializerOptions.TypeInfoResolver"/> must know every payload type.</param>
    public JsonPayloadConverter(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TypeInfoResolver is null)
        {
            throw new ArgumentException("The options need a TypeInfoResolver (a JsonSerializerContext) that knows the payload types.", nameof(options));
        }

        Options = options;
        Options.MakeReadOnly();
        // A copy keeps the caller's settings (naming, number handling, converters) for the built-in types.
        _builtIn = new JsonSerializerOptions(options) { TypeInfoResolver = BuiltInPayloadJsonContext.Default };
        _builtIn.MakeReadOnly();
    }

    /// <summary>Initializes a converter that resolves types through <paramref name="resolver"/> (camelCase names).</summary>
    /// <param name="resolver">A source-generated context or any resolver.</param>
    public JsonPayloadConverter(IJsonTypeInfoResolver resolver)
        : this(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver })
    {
    }

    /// <summary>Creates a converter that uses reflection-based metadata (not for trimmed or Native AOT apps).</summary>
    /// <returns>The converter.</returns>
    [RequiresUnreferencedCode("Reflection-based JSON; use a JsonSerializerContext for trimmed or AOT apps.")]
    [RequiresDynamicCode("Reflection-based JSON; use a JsonSerializerContext for trimmed or AOT apps.")]
    public static JsonPayloadConverter CreateReflectionBased() => new(new DefaultJsonTypeInfoResolver());

    /// <summary>Gets the serializer options.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc/>
    public string? Serialize<T>(T value) =>
        value is null ? null : JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <inheritdoc/>
    public T? Deserialize<T>(string? data) =>
        string.IsNullOrEmpty(data) ? default : JsonSerializer.Deserialize(data, TypeInfo<T>());

    /// <summary>The caller's metadata for <typeparamref name="T"/>, else the built-in one; for a type neither knows, GetTypeInfo throws its usual NotSupportedException.</summary>
    private JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>)(Options.TryGetTypeInfo(typeof(T), out var info) || _builtIn.TryGetTypeInfo(typeof(T), out info)
            ? info
            : Options.GetTypeInfo(typeof(T)));
}
