using System.Diagnostics;

namespace Swf.Diagnostics;

/// <summary>
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>) in a header map. Written by hand rather than through
/// <see cref="DistributedContextPropagator"/>, because the workflow side injects a span's context that is not
/// <see cref="Activity.Current"/> (workflow code resumes on continuations captured in earlier decision tasks).
/// </summary>
internal static class SwfTraceContext
{
    /// <summary>The W3C header with the trace id, the parent span id and the flags.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The W3C header with vendor-specific trace state.</summary>
    public const string TraceState = "tracestate";

    /// <summary>Writes <paramref name="context"/> into <paramref name="headers"/>; does nothing for an empty context.</summary>
    public static void Inject(ActivityContext context, IDictionary<string, string> headers)
    {
        if (context == default)
        {
            return;
        }

        var flags = (context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00";
        headers[TraceParent] = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{flags}";
        if (string.IsNullOrEmpty(context.TraceState))
        {
            headers.Remove(TraceState);
        }
        else
        {
            headers[TraceState] = context.TraceState;
        }
    }

    /// <summary>Reads the remote parent from <paramref name="headers"/>; the default context when there is none or it is malformed.</summary>
    public static ActivityContext Extract(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || !headers.TryGetValue(TraceParent, out var parent))
        {
            return default;
        }

        headers.TryGetValue(TraceState, out var state);
        return ActivityContext.TryParse(parent, state, isRemote: true, out var context) ? context : default;
    }
}
