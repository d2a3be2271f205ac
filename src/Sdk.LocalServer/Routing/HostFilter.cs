using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Swf.LocalServer.WebConsole;

namespace Swf.LocalServer.Routing;

/// <summary>
/// Answers only requests addressed to a loopback name (<c>127.0.0.1</c>, <c>localhost</c> or
/// <c>[::1]</c>, with any port) or to a name given with <c>--allow-host</c>, on every endpoint: SWF's
/// protocol, the console's page and its API.
/// </summary>
/// <remarks>
/// swf-local listens on loopback only, but that alone does not keep other sites out. A page on a
/// domain whose DNS answer changes to 127.0.0.1 (DNS rebinding) is, to the browser, the same origin
/// as swf-local on that name: it can read every domain and history and call any operation (with auth
/// off) from the user's own machine. Such a request carries the attacker's name in its Host header,
/// which the browser sets and the page cannot change; a request for swf-local's own loopback name is
/// either from a local program or from swf-local's own page. The refusal is a 403 whose message says
/// how to allow a name used on purpose.
/// </remarks>
internal sealed class HostFilter(IEnumerable<string> allowedHosts)
{
    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly HashSet<string> _allowed = new(LoopbackNames.Concat(allowedHosts), StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks a host name given with <c>--allow-host</c>: a name or an IP literal (IPv6 in brackets), without a port.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Why it is not a host name, or null when it is one.</returns>
    public static string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is empty";
        }

        var host = new HostString(name);
        if (host.Port is not null || host.Host != name.Trim())
        {
            return $"'{name}' is not a host name without a port (any port is allowed: give the name alone)";
        }

        return Uri.CheckHostName(name.StartsWith('[') ? name[1..^1] : name) == UriHostNameType.Unknown
            ? $"'{name}' is not a host name"
            : null;
    }

    /// <summary>Passes a request for an allowed name on, and refuses any other.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when the request is answered.</returns>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host;
        if (host.HasValue && _allowed.Contains(host.Host))
        {
            return next(context);
        }

        var shown = host.HasValue ? host.Value : "(none)";
        var name = host.HasValue ? host.Host : "NAME";
        var message =
            $"swf-local answers only requests addressed to 127.0.0.1, localhost or [::1] (any port), and this one is addressed to '{shown}' (its Host header). " +
            $"A web page on another site may be trying to reach swf-local through DNS rebinding. If you use that name on purpose, start swf-local with --allow-host {name} " +
            "(SwfLocalServerOptions.AllowedHosts).";
        return RefuseAsync(context, message);
    }

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        var console = context.Request.Path.StartsWithSegments(ConsoleApi.Prefix, StringComparison.Ordinal);
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (console)
            {
                // The console API's own error shape.
                writer.WriteString("error", "Forbidden");
            }
            else
            {
                writer.WriteString("__type", "com.amazon.coral.service#AccessDeniedException");
            }

            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status403Forbidden;
        if (console)
        {
            response.ContentType = "application/json; charset=utf-8";
        }
        else
        {
            response.ContentType = "application/x-amz-json-1.0";
            response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            response.Headers["X-Amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/";
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
