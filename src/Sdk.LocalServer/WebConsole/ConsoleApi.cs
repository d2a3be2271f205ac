using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Swf.Exceptions;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// The console's JSON API. It calls the engine in process, so it needs no SigV4 signature (which
/// is why the console is off by default when the server requires auth). Reads are GETs; actions
/// are POSTs whose bodies are SWF's own request shapes, and which must carry the
/// <c>X-Swf-Console</c> header, so a page from another origin cannot send them without a CORS
/// preflight that swf-local never grants, and must come from the console's own origin when a
/// browser sends them (<c>Origin</c>, <c>Sec-Fetch-Site</c>). A page that reaches swf-local under
/// another name through DNS rebinding is refused before any of this (see <c>HostFilter</c>).
/// </summary>
/// <remarks>
/// Objects are written in SWF's wire shape (epoch-second timestamps, camelCase), as the AWS CLI
/// prints them.
/// </remarks>
internal sealed class ConsoleApi(LocalSwfEngine engine, TimeProvider time, CodecEndpointClient? codec)
{
    public const string ActionHeader = "X-Swf-Console";
    public const string Prefix = "/console/api";
    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1000;
    private static readonly SwfJsonContext Json = SwfJsonContext.Default;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps one endpoint per read and per action on the API's route group (<see cref="Prefix"/>).</summary>
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("domains", GetDomainsAsync);
        api.MapGet("executions", GetExecutionsAsync);
        api.MapGet("execution", GetExecutionAsync);
        api.MapGet("tasklists", GetTaskListsAsync);
        api.MapPost("signal", SignalAsync);
        api.MapPost("cancel", CancelAsync);
        api.MapPost("terminate", TerminateAsync);

        // Other names and other methods (HEAD included) under the prefix get the API's JSON 404, as
        // they always did; taking every method, this also keeps routing from answering 405.
        api.Map("{**route}", NotFoundAsync);
    }

    private Task GetDomainsAsync(HttpContext context) => AnswerAsync(context, w => WriteDomains(w, context.RequestAborted));

    private Task GetExecutionsAsync(HttpContext context) => AnswerAsync(context, w => WriteExecutions(w, context.Request.Query, context.RequestAborted));

    private Task GetExecutionAsync(HttpContext context) => AnswerAsync(context, w => WriteExecution(w, context.Request.Query, context.RequestAborted));

    private Task GetTaskListsAsync(HttpContext context) => AnswerAsync(context, w => WriteTaskLists(w, Required(context.Request.Query, "domain")));

    private Task SignalAsync(HttpContext context) =>
        ActAsync(context, (body, ct) => engine.SignalWorkflowExecutionAsync(Read(body, Json.SignalWorkflowExecutionRequest), ct));

    private Task CancelAsync(HttpContext context) =>
        ActAsync(context, (body, ct) => engine.RequestCancelWorkflowExecutionAsync(Read(body, Json.RequestCancelWorkflowExecutionRequest), ct));

    private Task TerminateAsync(HttpContext context) =>
        ActAsync(context, (body, ct) => engine.TerminateWorkflowExecutionAsync(Read(body, Json.TerminateWorkflowExecutionRequest), ct));

    private static Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;

        // "/console/api" itself (no slash) was never part of the API: it is a page that does not exist.
        return path.Length <= Prefix.Length
            ? ConsoleEndpoints.NotAnsweredAsync(context)
            : WriteErrorAsync(context, 404, "NotFound", $"No console API {context.Request.Method} {path[(Prefix.Length + 1)..]}.");
    }

    /// <summary>Runs a read and writes what it wrote, or the error its failure maps to.</summary>
    private static Task AnswerAsync(HttpContext context, Func<Utf8JsonWriter, Task> write) =>
        AnsweringErrorsAsync(context, () => WriteAsync(context, 200, write));

    /// <summary>
    /// Runs an action. It must carry the <see cref="ActionHeader"/> header, so a page from another
    /// origin cannot send it without a CORS preflight that swf-local never grants.
    /// </summary>
    private static Task ActAsync(HttpContext context, Func<byte[], CancellationToken, Task> act)
    {
        if (!context.Request.Headers.ContainsKey(ActionHeader))
        {
            return WriteErrorAsync(context, 403, "Forbidden", $"Console actions need the {ActionHeader} header.");
        }

        if (ForeignOrigin(context.Request) is { } origin)
        {
            return WriteErrorAsync(context, 403, "Forbidden", $"Console actions are only taken from the console's own page; this one came from {origin}.");
        }

        return AnsweringErrorsAsync(context, async () =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            await act(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, 200, static w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", true);
                w.WriteEndObject();
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Says where a browser's request came from when that is not the console's own origin (scheme,
    /// host and port of this request); null for a same-origin request, or one no browser sent (no
    /// <c>Origin</c> or <c>Sec-Fetch-Site</c> header: curl, tests, scripts).
    /// </summary>
    internal static string? ForeignOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"a {site} page (Sec-Fetch-Site)";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && Uri.TryCreate(own, UriKind.Absolute, out var self)
            && Uri.Compare(from, self, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? null
            : $"'{origin}'";
    }

    private static async Task AnsweringErrorsAsync(HttpContext context, Func<Task> answer)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (SwfException ex)
        {
            await WriteErrorAsync(context, 400, ex.ErrorCode, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, 400, "ValidationException", "The body is not the request SWF expects: " + ex.Message).ConfigureAwait(false);
        }
        catch (BadRequestException ex)
        {
            await WriteErrorAsync(context, 400, "ValidationException", ex.Message).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel refused the body: too large (413), cut short (400) or too slow (408).
            await WriteErrorAsync(context, ex.StatusCode, ex.StatusCode == 413 ? "RequestEntityTooLarge" : "BadRequest", "The request body could not be read: " + ex.Message).ConfigureAwait(false);
        }
    }

    private async Task WriteDomains(Utf8JsonWriter w, CancellationToken ct)
    {
        var domains = new List<DomainInfo>();
        foreach (var status in new[] { RegistrationStatus.Registered, RegistrationStatus.Deprecated })
        {
            string? token = null;
            do
            {
                var page = (await engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = status, NextPageToken = token, MaximumPageSize = 1000 }, ct).ConfigureAwait(false)).DomainInfos;
                domains.AddRange(page.Infos);
                token = page.NextPageToken;
            }
            while (token is not null);
        }

        JsonSerializer.Serialize(w, new DomainInfos { Infos = [.. domains.OrderBy(d => d.Name, StringComparer.Ordinal)] }, Json.DomainInfos);
    }

    /// <summary>
    /// Lists executions, a page at a time (<c>maximumPageSize</c>, 500 by default, and the <c>nextPageToken</c> of
    /// the page before, as SWF's list calls page). SWF takes one filter per call; the console combines them
    /// (status, type, workflow id, tag, start time), so it lists by start time and filters here.
    /// </summary>
    /// <remarks>
    /// A token names the last run of its page, not an offset: executions started since the first page are
    /// newer, so they sort before it and push nothing onto later pages twice. Should that run be gone
    /// (retention), the next page starts after its start time.
    /// </remarks>
    private async Task WriteExecutions(Utf8JsonWriter w, IQueryCollection query, CancellationToken ct)
    {
        var domain = Required(query, "domain");
        var state = Optional(query, "state") ?? "all";
        var pageSize = PageSize(query);
        var after = Optional(query, "nextPageToken") is { } token ? ExecutionsPageToken.Parse(token) ?? throw new BadRequestException("'nextPageToken' is not a token this console gave.") : null;
        var filter = new ExecutionTimeFilter { OldestDate = Time(query, "from") ?? DateTime.UnixEpoch, LatestDate = Time(query, "to") };
        var found = new List<WorkflowExecutionInfo>();
        if (state is "all" or "open")
        {
            string? next = null;
            do
            {
                var page = (await engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = filter, NextPageToken = next, MaximumPageSize = 1000 }, ct).ConfigureAwait(false)).WorkflowExecutionInfos;
                found.AddRange(page.ExecutionInfos);
                next = page.NextPageToken;
            }
            while (next is not null);
        }

        if (state is "all" or "closed")
        {
            string? next = null;
            do
            {
                var page = (await engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = filter, NextPageToken = next, MaximumPageSize = 1000 }, ct).ConfigureAwait(false)).WorkflowExecutionInfos;
                found.AddRange(page.ExecutionInfos);
                next = page.NextPageToken;
            }
            while (next is not null);
        }

        var closeStatus = Optional(query, "closeStatus");
        var type = Optional(query, "type");
        var workflowId = Optional(query, "workflowId");
        var tag = Optional(query, "tag");
        var matching = found
            .Where(e => closeStatus is null || string.Equals(e.CloseStatus?.Value, closeStatus, StringComparison.OrdinalIgnoreCase))
            .Where(e => type is null || e.WorkflowType.Name.Contains(type, StringComparison.OrdinalIgnoreCase))
            .Where(e => workflowId is null || e.Execution.WorkflowId.Contains(workflowId, StringComparison.OrdinalIgnoreCase))
            .Where(e => tag is null || (e.TagList?.Contains(tag, StringComparer.Ordinal) ?? false))
            // A stable sort merges the open and closed lists by start time and keeps the engine's own order
            // (newest first, ties broken by creation) for runs that started in the same millisecond.
            .OrderByDescending(e => e.StartTimestamp)
            .ToList();
        var start = after is null ? 0 : after.IndexIn(matching);
        var shown = matching.Skip(start).Take(pageSize).ToList();
        var more = start + shown.Count < matching.Count;
        w.WriteStartObject();
        w.WriteBoolean("truncated", more);
        w.WritePropertyName("executions");
        JsonSerializer.Serialize(
            w,
            new WorkflowExecutionInfos { ExecutionInfos = shown, NextPageToken = more ? ExecutionsPageToken.After(shown[^1]).ToString() : null },
            Json.WorkflowExecutionInfos);
        w.WriteEndObject();
    }

    private static int PageSize(IQueryCollection query) =>
        Optional(query, "maximumPageSize") is not { } text ? DefaultPageSize
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize ? size
        : throw new BadRequestException($"'maximumPageSize' must be a whole number from 1 to {MaxPageSize}; it is '{text}'.");

    /// <summary>Writes an execution's description and whole history; the page derives its timeline and pending work from them.</summary>
    private async Task WriteExecution(Utf8JsonWriter w, IQueryCollection query, CancellationToken ct)
    {
        var domain = Required(query, "domain");
        var execution = new WorkflowExecution { WorkflowId = Required(query, "workflowId"), RunId = Required(query, "runId") };
        var detail = (await engine.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = domain, Execution = execution }, ct).ConfigureAwait(false)).WorkflowExecutionDetail;
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = (await engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = domain, Execution = execution, NextPageToken = token, MaximumPageSize = 1000 }, ct).ConfigureAwait(false)).History;
            events.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token is not null);

        w.WriteStartObject();
        if (codec is null)
        {
            w.WritePropertyName("detail");
            JsonSerializer.Serialize(w, detail, Json.WorkflowExecutionDetail);
            w.WritePropertyName("history");
            JsonSerializer.Serialize(w, new History { Events = events }, Json.History);
        }
        else
        {
            // The page's payloads stay as stored (the event list shows what SWF holds); "codec" adds the decoded form
            // of each envelope among them, which the page shows instead, marked as decoded.
            var detailJson = JsonSerializer.SerializeToElement(detail, Json.WorkflowExecutionDetail);
            var historyJson = JsonSerializer.SerializeToElement(new History { Events = events }, Json.History);
            w.WritePropertyName("detail");
            detailJson.WriteTo(w);
            w.WritePropertyName("history");
            historyJson.WriteTo(w);
            var envelopes = new HashSet<string>(StringComparer.Ordinal);
            CollectEnvelopes(detailJson, envelopes);
            CollectEnvelopes(historyJson, envelopes);
            await WriteDecodedAsync(w, codec, envelopes, ct).ConfigureAwait(false);
        }

        w.WriteNumber("now", Seconds(time.GetUtcNow()));
        w.WriteEndObject();
    }

    /// <summary>
    /// Finds the encoded payloads (Swf.Sdk envelopes) among a page's strings. Every string is looked at, not only
    /// the fields Swf.Sdk encodes, so the page needs no list of payload fields; only envelopes start like one.
    /// </summary>
    private static void CollectEnvelopes(JsonElement element, HashSet<string> envelopes)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectEnvelopes(property.Value, envelopes);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectEnvelopes(item, envelopes);
                }

                break;
            case JsonValueKind.String when element.GetString() is { } text && Payloads.PayloadPipeline.IsEncoded(text):
                envelopes.Add(text);
                break;
        }
    }

    private static async Task WriteDecodedAsync(Utf8JsonWriter w, CodecEndpointClient codec, HashSet<string> envelopes, CancellationToken ct)
    {
        var answer = envelopes.Count == 0 ? new CodecEndpointClient.Answer(new Dictionary<string, CodecEndpointClient.Item>(), null) : await codec.DecodeAsync(envelopes, ct).ConfigureAwait(false);
        w.WriteStartObject("codec");
        w.WriteString("endpoint", codec.Endpoint.ToString());
        if (answer.Error is not null)
        {
            w.WriteString("error", answer.Error);
        }

        w.WriteStartObject("payloads");
        foreach (var (stored, item) in answer.Payloads)
        {
            w.WriteStartObject(stored);
            if (item.Error is null)
            {
                w.WriteString("payload", item.Payload);
            }
            else
            {
                w.WriteString("error", item.Error);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private Task WriteTaskLists(Utf8JsonWriter w, string domain)
    {
        w.WriteStartObject();
        w.WriteStartArray("taskLists");
        foreach (var list in engine.ListTaskLists(domain))
        {
            w.WriteStartObject();
            w.WriteString("name", list.Name);
            w.WriteString("kind", list.Kind == TaskListKind.Decision ? "decision" : "activity");
            w.WriteNumber("pendingTaskCount", list.PendingTaskCount);
            w.WriteStartArray("pollers");
            foreach (var poller in list.Pollers)
            {
                w.WriteStartObject();
                w.WriteString("identity", poller.Identity);
                w.WriteNumber("pollingSince", Seconds(poller.PollingSince));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        return Task.CompletedTask;
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(body, info) ?? throw new BadRequestException("The body must be a JSON object.");

    private static string Required(IQueryCollection query, string name) =>
        Optional(query, name) ?? throw new BadRequestException($"The query needs '{name}'.");

    private static string? Optional(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private static DateTime? Time(IQueryCollection query, string name) =>
        Optional(query, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.UtcDateTime
        : throw new BadRequestException($"'{name}' must be a date and time, such as 2025-01-31T12:00Z; it is '{text}'.");

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static async Task WriteAsync(HttpContext context, int status, Func<Utf8JsonWriter, Task> write)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            await write(writer).ConfigureAwait(false);
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            return Task.CompletedTask;
        });

    private sealed class BadRequestException(string message) : Exception(message);
}
