using System.Reflection;
using Microsoft.AspNetCore.Http;
using Swf.LocalEngine;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// swf-local's web console: the page and its assets (embedded in this assembly, so that nothing
/// comes from a CDN and it works offline) on <c>GET /</c> and <c>GET /ui/...</c>, and the small
/// JSON API the page calls under <c>/console/api/</c>.
/// </summary>
/// <remarks>
/// On the SWF port the console answers GET and HEAD requests and the <c>/console/api/</c> path;
/// SWF's protocol (<c>POST /</c> with <c>X-Amz-Target</c>) is left to the SWF handler. On a port of
/// its own (<c>--ui-port</c>) it answers everything.
/// </remarks>
internal sealed class ConsoleHandler(LocalSwfEngine engine, TimeProvider time)
{
    private const string ApiPrefix = "/console/api/";
    private const string ResourcePrefix = "console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly ConsoleApi _api = new(engine, time);

    /// <summary>Gets whether a request on the SWF port is the console's.</summary>
    public static bool Claims(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Path.StartsWithSegments("/console/api", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return _api.HandleAsync(context, path[ApiPrefix.Length..]);
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return WriteTextAsync(context.Response, StatusCodes.Status405MethodNotAllowed, "The console only answers GET requests here.");
        }

        var name = path switch
        {
            "/" or "/index.html" => "index.html",
            _ when path.StartsWith("/ui/", StringComparison.Ordinal) => path["/ui/".Length..],
            _ => null,
        };
        return name is not null && Asset(name) is { } asset
            ? WriteAssetAsync(context, name, asset)
            : WriteTextAsync(context.Response, StatusCodes.Status404NotFound, $"Not found: {path}. The console is at /.");
    }

    /// <summary>Reads an embedded asset; names are flat (no folders), so a path cannot reach other resources.</summary>
    private static byte[]? Asset(string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || !ContentTypes.ContainsKey(Path.GetExtension(name)))
        {
            return null;
        }

        using var stream = typeof(ConsoleHandler).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task WriteAssetAsync(HttpContext context, string name, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentTypes[Path.GetExtension(name)];
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Content-Type-Options"] = "nosniff";

        // Everything the page needs comes from swf-local itself.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task WriteTextAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }

    /// <summary>Lists the embedded asset names (for tests).</summary>
    internal static IEnumerable<string> AssetNames() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);
}
