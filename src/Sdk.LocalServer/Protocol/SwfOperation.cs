using System.Text.Json.Serialization.Metadata;
using Swf.Client;

namespace Swf.LocalServer.Protocol;

/// <summary>One SWF operation as swf-local serves it.</summary>
/// <param name="Name">The operation's name, such as <c>StartWorkflowExecution</c>.</param>
/// <param name="RequestType">The request's type.</param>
/// <param name="ReadRequest">Reads the request body (strictly: missing required members fail).</param>
/// <param name="WriteRequest">Writes a request as JSON (the journal keeps requests this way).</param>
/// <param name="Invoke">Calls the operation and returns its output shape, or null when it has none.</param>
/// <param name="OutputInfo">The output shape's JSON metadata, or null when the operation has no output.</param>
internal sealed record SwfOperation(
    string Name,
    Type RequestType,
    Func<ReadOnlyMemory<byte>, object> ReadRequest,
    Func<object, byte[]> WriteRequest,
    Func<ISwfClient, object, CancellationToken, Task<object?>> Invoke,
    JsonTypeInfo? OutputInfo)
{
    /// <summary>Gets a value indicating whether this is a long poll.</summary>
    public bool IsPoll => Name.StartsWith("PollFor", StringComparison.Ordinal);
}
