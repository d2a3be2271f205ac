namespace Swf.Payloads;

/// <summary>
/// How a payload and its header map travel together inside this process, between the pipeline and the runtime: a
/// payload without headers is itself; one with headers is the inline envelope (see <see cref="PayloadEnvelope"/>),
/// which is also its wire form when no codec runs. The pipeline decodes history into that form, and the workflow
/// runtime writes decisions in it; the instance splits it when it hands an input to workflow code.
/// </summary>
internal static class PayloadHeaders
{
    /// <summary>An empty header map.</summary>
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Joins a payload and its headers; without headers the payload is returned unchanged.</summary>
    public static string? Attach(string? payload, IReadOnlyDictionary<string, string>? headers) =>
        headers is not { Count: > 0 } ? payload : new PayloadEnvelope { Headers = headers, Inline = payload }.Write();

    /// <summary>Splits a payload from its headers (none unless it is an inline envelope).</summary>
    public static (string? Payload, IReadOnlyDictionary<string, string> Headers) Split(string? payload) =>
        PayloadEnvelope.TryParseInline(payload) is { } inline ? (inline.Inline, inline.Headers ?? None) : (payload, None);

    /// <summary>Returns <paramref name="first"/> with the entries of <paramref name="second"/> over it.</summary>
    public static IReadOnlyDictionary<string, string>? Merge(IReadOnlyDictionary<string, string>? first, IReadOnlyDictionary<string, string>? second)
    {
        if (first is not { Count: > 0 })
        {
            return second;
        }

        if (second is not { Count: > 0 })
        {
            return first;
        }

        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (key, value) in second)
        {
            merged[key] = value;
        }

        return merged;
    }
}
