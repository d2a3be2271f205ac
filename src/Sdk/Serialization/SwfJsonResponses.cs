using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Swf.Serialization;

/// <summary>
/// JSON metadata for reading SWF's responses. Members the API marks required are still required when
/// a request is built in C#, but a response that lacks one (moto drops some, and a newer SWF may too)
/// is read with the member unset instead of failing the whole call, as the AWS SDKs do.
/// </summary>
public static class SwfJsonResponses
{
    /// <summary>Gets options whose resolver is <see cref="SwfJsonContext"/> with every member optional.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Returns the lenient metadata for a type.</summary>
    /// <typeparam name="T">The shape's type.</typeparam>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> For<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(SwfJsonContext.Default.Options)
        {
            TypeInfoResolver = SwfJsonContext.Default.WithAddedModifier(static info =>
            {
                foreach (var property in info.Properties)
                {
                    property.IsRequired = false;
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }
}
