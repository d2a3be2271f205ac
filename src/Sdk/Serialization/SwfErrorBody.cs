using System.Text.Json.Serialization;

namespace Swf.Serialization;

/// <summary>The JSON body of an SWF error: <c>{"__type": "ns#Code", "message": "..."}</c>.</summary>
public sealed class SwfErrorBody
{
    /// <summary>Gets or sets the fault's type, such as <c>com.amazonaws.swf.base.model#UnknownResourceFault</c>.</summary>
    [JsonPropertyName("__type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the message in lower case, as SWF sends it.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Gets or sets the message in upper case, as some AWS services send it.</summary>
    [JsonPropertyName("Message")]
    public string? MessageUpper { get; set; }
}
