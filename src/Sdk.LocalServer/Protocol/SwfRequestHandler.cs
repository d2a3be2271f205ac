using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Swf.Client;
using Swf.Exceptions;
using Swf.LocalServer.Auth;
using Swf.LocalServer.Store;
using Swf.LocalServer.Throttling;
using Swf.Model;

namespace Swf.LocalServer.Protocol;

/// <summary>
/// SWF's HTTP protocol (awsJson 1.0): <c>POST /</c> with <c>X-Amz-Target: SimpleWorkflowService.&lt;Operation&gt;</c>,
/// a JSON body in, the output shape (or <c>{}</c>) out, and SWF's error bodies and headers.
/// </summary>
/// <remarks>
/// Status codes: 200 on success; 400 for every fault SWF models, for validation and serialization
/// errors, unknown operations and authentication failures (coral's JSON services, SWF among them,
/// answer those with 400); 404 <c>UnknownOperationException</c> for a POST to any path but <c>/</c>
/// (SWF's endpoint serves only its root); 413 for a body over <see cref="MaxBodyBytes"/>, 400 for a
/// body that ends before its Content-Length and 408 for one that does not arrive in time, each
/// with SWF's error JSON; 500 <c>InternalFailure</c> for a bug in swf-local, logged, never with a
/// stack trace in the body.
/// </remarks>
internal sealed partial class SwfRequestHandler(ISwfClient engine, SigV4Verifier? verifier, ILogger logger, bool logRequests, SqliteJournal? journal = null, RequestThrottle? throttle = null)
{
    /// <summary>The largest request body accepted (Kestrel's limit; SWF's own is 1 MB per request).</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    private const string AmzJson = "application/x-amz-json-1.0";
    private static readonly string[] TargetPrefixes = ["SimpleWorkflowService.", "com.amazonaws.swf.service.model.SimpleWorkflowService."];
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private static readonly byte[] EmptyDecisionTask = """{"previousStartedEventId":0,"startedEventId":0}"""u8.ToArray();
    private static readonly byte[] EmptyActivityTask = """{"startedEventId":0}"""u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        var state = new RequestState { Started = RequestTimings.Enabled ? Stopwatch.GetTimestamp() : 0 };
        try
        {
            var (status, body) = await ProcessAsync(context, state).ConfigureAwait(false);
            if (logRequests)
            {
                LogRequest(logger, state.OperationName, "OK", requestId);
            }

            await WriteAsync(response, status, body).ConfigureAwait(false);
            if (RequestTimings.Enabled)
            {
                RequestTimings.Add(RequestTimings.Stage.Write, state.Mark, state.IsPoll);
                RequestTimings.Finish(state.Started, state.IsPoll);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a long poll it gave up on); the engine gave back any task it had reserved.
        }
        catch (SwfException ex)
        {
            if (logRequests)
            {
                LogRequest(logger, state.OperationName, ex.ErrorCode, requestId);
            }

            await WriteErrorAsync(response, ex.StatusCode is >= 400 and < 600 ? ex.StatusCode : 400, WireTypeOf(ex), ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!response.HasStarted)
        {
            // Kestrel refused the body: too large, cut short, or too slow. The client's fault, answered as SWF's endpoint would.
            var (type, message) = ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("com.amazon.coral.service#RequestEntityTooLargeException", $"The request body is larger than swf-local accepts ({MaxBodyBytes} bytes; SWF's own limit is 1 MB per request)."),
                StatusCodes.Status408RequestTimeout => ("com.amazon.coral.service#RequestTimeoutException", "The request body did not arrive in time."),
                _ => ("com.amazon.coral.service#SerializationException", $"The request body could not be read: {ex.Message}"),
            };
            if (logRequests)
            {
                LogRequest(logger, state.OperationName, type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..], requestId);
            }

            await WriteErrorAsync(response, ex.StatusCode, type, message).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (!response.HasStarted)
        {
            await WriteErrorAsync(response, 503, "com.amazon.coral.availability#ServiceUnavailable", "swf-local is shutting down.").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Anything else is swf-local's bug: log it and answer as AWS does, never with a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(logger, ex, state.OperationName, requestId);
            if (!response.HasStarted)
            {
                await WriteErrorAsync(response, 500, "com.amazon.coral.service#InternalFailure", $"swf-local failed to process {state.OperationName} (request {requestId}); its log has the details.").ConfigureAwait(false);
            }
        }
    }

    private async Task<(int Status, byte[] Body)> ProcessAsync(HttpContext context, RequestState state)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        var operation = FindOperation(target);
        state.OperationName = operation?.Name ?? (target.Length == 0 ? "?" : target);
        state.IsPoll = operation?.IsPoll == true;

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);

        if (verifier?.Verify(request, body) is { } authError)
        {
            throw new AuthException(authError.Code, authError.Message);
        }

        if (request.Path.Value is not (null or "" or "/"))
        {
            // SWF's endpoint serves its protocol on the root only; any other path names no operation.
            throw new ProtocolException("com.amazon.coral.service#UnknownOperationException", $"No operation is served at {request.Path.Value}; SWF's protocol is POST / with X-Amz-Target.", 404);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            throw new ProtocolException("com.amazon.coral.service#UnknownOperationException", $"SWF's protocol is POST / with X-Amz-Target: SimpleWorkflowService.<Operation>; this request is {request.Method}.");
        }

        if (operation is null)
        {
            throw new ProtocolException(
                "com.amazon.coral.service#UnknownOperationException",
                target.Length == 0 ? "The request has no X-Amz-Target; send X-Amz-Target: SimpleWorkflowService.<Operation>." : $"X-Amz-Target '{target}' names no SWF operation; send SimpleWorkflowService.<Operation>.");
        }

        if (!IsJsonRequest(request))
        {
            throw new ProtocolException(
                "com.amazon.coral.service#SerializationException",
                $"Unsupported Content-Type '{request.ContentType}'; send {AmzJson}.");
        }

        if (RequestTimings.Enabled)
        {
            state.Mark = RequestTimings.Add(RequestTimings.Stage.Read, state.Started, state.IsPoll);
        }

        var input = ReadRequest(operation, body);
        if (RequestTimings.Enabled)
        {
            state.Mark = RequestTimings.Add(RequestTimings.Stage.Parse, state.Mark, state.IsPoll);
        }

        // Before the engine sees it: a throttled request changes nothing and is not journaled.
        throttle?.Admit(operation.Name, input);
        object? output;
        if (journal is null)
        {
            output = await operation.Invoke(engine, input, context.RequestAborted).ConfigureAwait(false);
            if (RequestTimings.Enabled)
            {
                state.Mark = RequestTimings.Add(RequestTimings.Stage.Engine, state.Mark, state.IsPoll);
            }
        }
        else
        {
            // Group commit: the engine only queues this request's steps, and the answer waits until they (and every
            // step before them, which the answer may show) are on disk, in one transaction with other requests' steps.
            // A fault the engine answers with (a duplicate start, say) may rest on such steps too, so it waits as well.
            SqliteJournal.DeferDurability = true;
            try
            {
                output = await operation.Invoke(engine, input, context.RequestAborted).ConfigureAwait(false);
            }
            catch (SwfException)
            {
                await journal.WhenDurableAsync().ConfigureAwait(false);
                throw;
            }

            if (RequestTimings.Enabled)
            {
                state.Mark = RequestTimings.Add(RequestTimings.Stage.Engine, state.Mark, state.IsPoll);
            }

            await journal.WhenDurableAsync().ConfigureAwait(false);
            if (RequestTimings.Enabled)
            {
                state.Mark = RequestTimings.Add(RequestTimings.Stage.Journal, state.Mark, state.IsPoll);
            }
        }

        return (200, output switch
        {
            null => EmptyObject,
            DecisionTask { TaskToken: null } => EmptyDecisionTask,
            ActivityTask { TaskToken: null } => EmptyActivityTask,
            _ => JsonSerializer.SerializeToUtf8Bytes(output, operation.OutputInfo!),
        });
    }

    private static string WireTypeOf(SwfException ex) => ex switch
    {
        ProtocolException protocol => protocol.WireType,
        AuthException => "com.amazon.coral.service#" + ex.ErrorCode,
        _ => SwfFaults.WireType(ex),
    };

    private static bool IsJsonRequest(HttpRequest request)
    {
        if (request.Headers.ContentEncoding.ToString().Contains("amz-1.0", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        return string.Equals(mediaType, AmzJson, StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Finds the operation an <c>X-Amz-Target</c> names, without allocating.</summary>
    private static SwfOperation? FindOperation(string target)
    {
        foreach (var prefix in TargetPrefixes)
        {
            if (target.StartsWith(prefix, StringComparison.Ordinal))
            {
                return SwfOperations.Find(target.AsSpan(prefix.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the body into an array of its declared length (one allocation, no copy); a body without a length,
    /// or longer than swf-local accepts, goes through a stream, where Kestrel's limit refuses it as before.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and <= MaxBodyBytes)
        {
            var body = length == 0 ? [] : new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Reads a request: malformed JSON is a SerializationException, a wrong type or a missing member a ValidationException, as AWS answers them.</summary>
    /// <remarks>
    /// The body is deserialized once; only a body that does not deserialize is parsed again, to tell a syntax error
    /// (or a body that is not an object) from a member of the wrong type or a missing one.
    /// </remarks>
    private static object ReadRequest(SwfOperation operation, byte[] body)
    {
        try
        {
            return operation.ReadRequest(body);
        }
        catch (JsonException ex)
        {
            ThrowIfNotJsonObject(operation, body);
            throw new ValidationException(DescribeJsonError(ex));
        }
    }

    private static void ThrowIfNotJsonObject(SwfOperation operation, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ProtocolException("com.amazon.coral.service#SerializationException", $"Expected a JSON object for {operation.Name}, got {document.RootElement.ValueKind}.");
            }
        }
        catch (JsonException ex)
        {
            throw new ProtocolException("com.amazon.coral.service#SerializationException", $"The request body is not valid JSON: {FirstSentence(ex.Message)}");
        }
    }

    private static string DescribeJsonError(JsonException ex)
    {
        var missing = MissingProperties().Match(ex.Message);
        if (missing.Success)
        {
            var names = QuotedName().Matches(missing.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
            var errors = names.Select(n => $"Value null at '{n}' failed to satisfy constraint: Member must not be null");
            return $"{names.Count} validation error{(names.Count == 1 ? string.Empty : "s")} detected: {string.Join("; ", errors)}";
        }

        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the request" : $"'{ex.Path.TrimStart('$', '.')}'";
        return $"1 validation error detected: Value at {path} failed to satisfy constraint: Member must be of the type the API defines (a string, a number, a boolean, an object or a list).";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private static async Task WriteAsync(HttpResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = AmzJson;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string type, string message)
    {
        var hash = type.IndexOf('#', StringComparison.Ordinal);
        var code = type[(hash + 1)..];
        var ns = type[..Math.Max(hash, 0)];
        response.Headers["X-Amzn-ErrorType"] = $"{code}:http://internal.amazon.com/coral/{ns}/";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", type);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        var body = buffer.ToArray();
        return WriteAsync(response, status, body);
    }

    [GeneratedRegex(@"missing required properties including: (.*)\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedName();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} -> {Outcome} ({RequestId})")]
    private static partial void LogRequest(ILogger logger, string operation, string outcome, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "swf-local failed to process {Operation} (request {RequestId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string operation, string requestId);

    /// <summary>What one request's handling knows about it so far.</summary>
    private sealed class RequestState
    {
        public string OperationName { get; set; } = "?";

        public bool IsPoll { get; set; }

        public long Started { get; init; }

        public long Mark { get; set; }
    }

    /// <summary>A protocol-level error with its full wire type (not one of SWF's faults).</summary>
    private sealed class ProtocolException(string wireType, string message, int statusCode = 400) : SwfException(wireType[(wireType.IndexOf('#', StringComparison.Ordinal) + 1)..], message, statusCode)
    {
        public string WireType { get; } = wireType;
    }

    /// <summary>An authentication failure (<c>com.amazon.coral.service</c> namespace).</summary>
    private sealed class AuthException(string code, string message) : SwfException(code, message, 400);
}
