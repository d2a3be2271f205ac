using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// The console's page and assets, from the files embedded in this assembly (WebConsole/Assets),
/// served by ASP.NET Core's static-file middleware: <c>/</c> and <c>/index.html</c> are the page,
/// <c>/ui/NAME</c> an asset; GET and HEAD, with ETags and conditional requests.
/// </summary>
internal sealed class ConsoleAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    });

    private static readonly ManifestEmbeddedFileProvider Files = new(typeof(ConsoleAssets).Assembly, "WebConsole/Assets");

    /// <summary>The assets by name; names are flat and matched exactly, so a path reaches nothing else.</summary>
    private static readonly FrozenSet<string> Served = Names().ToFrozenSet(StringComparer.Ordinal);

    private readonly RequestDelegate _sendFile;

    public ConsoleAssets(IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.CreateApplicationBuilder();
        files.UseStaticFiles(new StaticFileOptions { FileProvider = Files, ContentTypeProvider = ContentTypes, OnPrepareResponse = AddHeaders });
        files.Run(ConsoleEndpoints.NotFoundAsync);
        _sendFile = files.Build();
    }

    /// <summary>Lists the embedded assets that are served.</summary>
    public static IEnumerable<string> Names() =>
        Files.GetDirectoryContents("/").Where(f => !f.IsDirectory && ContentTypes.TryGetContentType(f.Name, out _)).Select(f => f.Name);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/", ConsoleEndpoints.GetOrHead, context => SendAsync(context, "index.html")).WithDisplayName("console: page");
        endpoints.MapMethods("/index.html", ConsoleEndpoints.GetOrHead, context => SendAsync(context, "index.html")).WithDisplayName("console: page");
        endpoints.MapMethods("/ui/{name}", ConsoleEndpoints.GetOrHead, context => SendAsync(context, (string)context.Request.RouteValues["name"]!)).WithDisplayName("console: asset");
    }

    private Task SendAsync(HttpContext context, string name)
    {
        if (!Served.Contains(name))
        {
            return ConsoleEndpoints.NotFoundAsync(context);
        }

        // The static-file middleware leaves requests that already have an endpoint to it, so the
        // endpoint steps aside for the file (MapFallbackToFile does the same).
        context.Request.Path = "/" + name;
        context.SetEndpoint(null);
        return _sendFile(context);
    }

    private static void AddHeaders(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";

        // Everything the page needs comes from swf-local itself.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
    }
}
