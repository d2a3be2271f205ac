using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Swf.LocalServer.WebConsole;

namespace Swf.LocalServer.Clock;

/// <summary>
/// Time control over HTTP, for tests in any language: <c>GET /_swf-local/clock</c> reads the
/// engine's clock, <c>POST /_swf-local/clock/advance</c> (<c>{"seconds": N}</c>) moves it forward and
/// <c>POST /_swf-local/clock/skip</c> jumps it to the next due timer or timeout.
/// </summary>
/// <remarks>
/// <para>
/// Every answer is <c>{"now": "&lt;ISO-8601 UTC&gt;", "mode": "system|manual|skip"}</c>, or an error in
/// the console's shape, <c>{"error": "&lt;code&gt;", "message": "..."}</c>: 409 <c>NothingDue</c> when a
/// skip finds no timer or timeout, 403 <c>ClockNotControllable</c> for a move on the system clock,
/// 400 <c>ValidationException</c> for a bad body, 403 <c>Forbidden</c> for a move without the
/// <see cref="ConsoleApi.ActionHeader"/> header or from a browser page of another origin.
/// </para>
/// <para>
/// Moves are protected as the console's actions are, and for the same reason: a page of another
/// origin cannot add the header without a CORS preflight, which swf-local never grants, and a
/// browser names the page's origin (which must be swf-local's own). Reading the clock needs neither.
/// </para>
/// </remarks>
internal sealed class ClockEndpoints(ClockController controller)
{
    /// <summary>The clock's path.</summary>
    public const string Path = "/_swf-local/clock";

    /// <summary>The longest single move: a hundred years is far beyond any SWF timeout, and keeps the clock far from overflowing.</summary>
    private const double MaxSeconds = 100 * 366 * 86400.0;

    /// <summary>Maps the endpoints.</summary>
    /// <param name="endpoints">Where to map them.</param>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ReadAsync).WithDisplayName("clock");
        endpoints.MapPost(Path + "/advance", AdvanceAsync).WithDisplayName("clock: advance");
        endpoints.MapPost(Path + "/skip", SkipAsync).WithDisplayName("clock: skip");
    }

    private Task ReadAsync(HttpContext context) => WriteNowAsync(context, controller.Time.GetUtcNow());

    private async Task AdvanceAsync(HttpContext context)
    {
        if (Refusal(context) is { } refused)
        {
            await refused.ConfigureAwait(false);
            return;
        }

        double seconds;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("seconds", out var value)
                || value.ValueKind != JsonValueKind.Number
                || !value.TryGetDouble(out seconds))
            {
                await WriteErrorAsync(context, 400, "ValidationException", "The body must be {\"seconds\": N}, with N a number of seconds.").ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, 400, "ValidationException", "The body is not JSON: " + ex.Message).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.StatusCode == 413 ? "RequestEntityTooLarge" : "BadRequest", "The request body could not be read: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (!(seconds > 0) || seconds > MaxSeconds)
        {
            await WriteErrorAsync(context, 400, "ValidationException", string.Create(CultureInfo.InvariantCulture, $"seconds must be more than 0 and at most {MaxSeconds:0}; it is {seconds}.")).ConfigureAwait(false);
            return;
        }

        // To the millisecond, as the engine records time; a move shorter than that still moves by one.
        var by = TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(seconds * 1000)));
        await WriteNowAsync(context, controller.Advance(by)).ConfigureAwait(false);
    }

    private async Task SkipAsync(HttpContext context)
    {
        if (Refusal(context) is { } refused)
        {
            await refused.ConfigureAwait(false);
            return;
        }

        if (controller.Skip(onlyWhenIdle: false) is { } now)
        {
            await WriteNowAsync(context, now).ConfigureAwait(false);
        }
        else
        {
            await WriteErrorAsync(context, 409, "NothingDue", "No timer or timeout is scheduled: there is nothing to skip to.").ConfigureAwait(false);
        }
    }

    /// <summary>Answers a move that is not allowed (see the remarks of the class); null lets it through.</summary>
    private Task? Refusal(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(ConsoleApi.ActionHeader))
        {
            return WriteErrorAsync(context, 403, "Forbidden", $"Moving the clock needs the {ConsoleApi.ActionHeader} header (any value).");
        }

        if (ConsoleApi.ForeignOrigin(context.Request) is { } origin)
        {
            return WriteErrorAsync(context, 403, "Forbidden", $"The clock is only moved from swf-local's own origin or outside a browser; this request came from {origin}.");
        }

        if (!controller.CanMove)
        {
            return WriteErrorAsync(context, 403, "ClockNotControllable", "swf-local runs on the system clock, which cannot be moved; start it with --clock manual or --clock skip.");
        }

        return null;
    }

    private Task WriteNowAsync(HttpContext context, DateTimeOffset now) =>
        WriteAsync(context, 200, w =>
        {
            w.WriteString("now", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("mode", controller.Mode.ToString().ToLowerInvariant());
        });

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, w =>
        {
            w.WriteString("error", code);
            w.WriteString("message", message);
        });

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
