using Swf.Exceptions;

namespace Swf.Worker;

/// <summary>The instance's side of the payload pipeline; the pipeline itself runs in the worker, off this scheduler.</summary>
internal sealed partial class WorkflowInstance
{
    /// <summary>
    /// Gets or sets the longest payload the workflow's code may write (inputs, results, marker details): SWF's
    /// limit without a payload pipeline; with one, unlimited, because codecs shrink payloads and the claim check
    /// stores large ones, and the worker checks the encoded payload instead.
    /// </summary>
    public int PayloadLimit { get; init; } = PayloadTooLargeException.DataLimit;

    /// <summary>The limit that applies to code running now: the running instance's, or SWF's outside a workflow.</summary>
    internal static int CurrentPayloadLimit => Current is WorkflowInstance instance ? instance.PayloadLimit : PayloadTooLargeException.DataLimit;
}
