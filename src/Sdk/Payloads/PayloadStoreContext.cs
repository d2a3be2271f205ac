using System.Text;

namespace Swf.Payloads;

/// <summary>The execution a payload belongs to, which names its object in a <see cref="IPayloadStore"/>.</summary>
/// <param name="Domain">The domain, or null when unknown.</param>
/// <param name="WorkflowId">The workflow id, or null when unknown.</param>
/// <param name="RunId">The run id, or null when unknown (a start's input is written before SWF names the run).</param>
public sealed record PayloadStoreContext(string? Domain, string? WorkflowId, string? RunId)
{
    /// <summary>Gets a context that names no execution.</summary>
    public static PayloadStoreContext None { get; } = new(null, null, null);

    /// <summary>
    /// The object key of a payload: <c>domain/workflowId/runId/sha256</c>, each part escaped so that it stays one
    /// path segment, and <c>_</c> for a part that is unknown (a start's input has no run id yet).
    /// </summary>
    /// <param name="contentHash">The payload's SHA-256, lowercase hex.</param>
    /// <returns>The key.</returns>
    public string ObjectKey(string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var key = new StringBuilder();
        foreach (var part in new[] { Domain, WorkflowId, RunId })
        {
            key.Append(string.IsNullOrEmpty(part) ? "_" : Uri.EscapeDataString(part)).Append('/');
        }

        return key.Append(contentHash).ToString();
    }
}
