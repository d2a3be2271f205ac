using System.Net;
using System.Text.Json;

namespace Swf.LocalServer.Tests;

/// <summary>An answer to a raw request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The media type of the body.</param>
/// <param name="Body">The body.</param>
internal sealed record WireAnswer(HttpStatusCode Status, string? ContentType, string Body)
{
    /// <summary>Gets the error's <c>__type</c>, or null when the body is not SWF's error JSON.</summary>
    public string? ErrorType => Json()?.TryGetProperty("__type", out var type) == true ? type.GetString() : null;

    /// <summary>Gets the error's message, or null when the body is not SWF's error JSON.</summary>
    public string? Message => Json()?.TryGetProperty("message", out var message) == true ? message.GetString() : null;

    /// <summary>Asserts an SWF error with this status and <c>__type</c>, and returns its message.</summary>
    public string AssertError(HttpStatusCode status, string type)
    {
        Assert.True(status == Status, $"Expected {(int)status} {type}, got {(int)Status}: {Body}");
        Assert.Equal(Wire.AmzJson, ContentType);
        Assert.Equal(type, ErrorType);
        Assert.False(string.IsNullOrEmpty(Message), $"The error has no message: {Body}");
        return Message!;
    }

    private JsonElement? Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
