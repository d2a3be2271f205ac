using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Swf.LocalEngine;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// swf-local's web console as endpoints: the page and its assets (embedded in this assembly, so
/// that nothing comes from a CDN and it works offline) on <c>GET /</c> and <c>GET /ui/...</c>, and
/// the small JSON API the page calls under <c>/console/api/</c>.
/// </summary>
/// <remarks>
/// On the SWF port the console answers GET and HEAD requests and the <c>/console/api/</c> path;
/// everything else (SWF's <c>POST /</c> with <c>X-Amz-Target</c>, and any other method) stays
/// SWF's. On a port of its own (<c>--ui-port</c>) it answers everything.
/// </remarks>
internal sealed class ConsoleEndpoints(LocalSwfEngine engine, TimeProvider time, CodecEndpointClient? codec)
{
    /// <summary>The methods the page and its assets are served for.</summary>
    public static readonly IReadOnlyList<string> GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the console's endpoints.</summary>
    /// <param name="endpoints">Where to map them.</param>
    /// <param name="ownPort">Whether the console has its port to itself; on SWF's port, what the console does not answer is SWF's.</param>
    public void Map(IEndpointRouteBuilder endpoints, bool ownPort)
    {
        new ConsoleApi(engine, time, codec).Map(endpoints.MapGroup(ConsoleApi.Prefix));
        new ConsoleAssets(endpoints).Map(endpoints);

        // Any other GET or HEAD is a page that does not exist. The order puts this just before the
        // method-agnostic fallbacks (SWF's, or the one below), which take the other methods.
        endpoints.MapMethods("{**path}", GetOrHead, NotFoundAsync).WithOrder(int.MaxValue - 1).WithDisplayName("console: not found");
        if (ownPort)
        {
            endpoints.MapFallback("{**path}", MethodNotAllowedAsync).WithDisplayName("console: method not allowed");
        }
    }

    /// <summary>Answers a request for a page or asset the console does not have.</summary>
    public static Task NotFoundAsync(HttpContext context) =>
        WriteTextAsync(context.Response, StatusCodes.Status404NotFound, $"Not found: {context.Request.Path.Value}. The console is at /.");

    /// <summary>Answers a request the console has no endpoint for: a page that does not exist, or a method it does not answer.</summary>
    public static Task NotAnsweredAsync(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? NotFoundAsync(context) : MethodNotAllowedAsync(context);

    private static Task MethodNotAllowedAsync(HttpContext context) =>
        WriteTextAsync(context.Response, StatusCodes.Status405MethodNotAllowed, "The console only answers GET requests here.");

    private static Task WriteTextAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }
}
