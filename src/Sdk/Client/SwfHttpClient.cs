using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client.Signing;
using Swf.Exceptions;
using Swf.Serialization;

namespace Swf.Client;

/// <summary>
/// The SWF wire client: JSON 1.0 over HTTPS (<c>POST /</c>, <c>X-Amz-Target: SimpleWorkflowService.&lt;Operation&gt;</c>),
/// signed with SigV4, with retries, timeouts and client-side validation. Works against AWS, swf-local and moto.
/// </summary>
public sealed partial class SwfHttpClient : ISwfClient, IDisposable
{
    private const string TargetPrefix = "SimpleWorkflowService.";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.0");

    private readonly SwfClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly string _region;
    private readonly ILogger _logger;
    private readonly Lazy<AWSCredentials> _credentials;

    /// <summary>Initializes a client with its own HTTP connection pool.</summary>
    /// <param name="options">Where SWF is and how to call it.</param>
    public SwfHttpClient(SwfClientOptions options)
        : this(options, new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), ownsHttpClient: true)
    {
    }

    /// <summary>Initializes a client that sends through the given <see cref="HttpClient"/>.</summary>
    /// <param name="options">Where SWF is and how to call it.</param>
    /// <param name="httpClient">The HTTP client; its own timeout should be infinite, since the options' timeouts apply.</param>
    /// <param name="ownsHttpClient">Whether disposing this client disposes <paramref name="httpClient"/>.</param>
    public SwfHttpClient(SwfClientOptions options, HttpClient httpClient, bool ownsHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _http = httpClient;
        _ownsHttp = ownsHttpClient;
        if (ownsHttpClient)
        {
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }

        if (options.LongPollTimeout <= TimeSpan.FromSeconds(60))
        {
            throw new ArgumentException($"LongPollTimeout must exceed SWF's 60-second long poll; it is {options.LongPollTimeout}.", nameof(options));
        }

        if (options.Retry.MaxAttempts < 1)
        {
            throw new ArgumentException($"Retry.MaxAttempts must be at least 1; it is {options.Retry.MaxAttempts}.", nameof(options));
        }

        _region = options.Region
            ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? (options.ServiceUrl is not null ? "us-east-1" : throw new ArgumentException("Set Region or ServiceUrl (or the AWS_REGION environment variable).", nameof(options)));
        _endpoint = options.ServiceUrl ?? RegionalEndpoint(_region);
        _logger = options.Logger ?? NullLogger.Instance;
        _credentials = new Lazy<AWSCredentials>(ResolveCredentials, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the endpoint calls are sent to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Gets the region calls are signed for.</summary>
    public string Region => _region;

    /// <summary>Returns SWF's public endpoint in a region.</summary>
    /// <param name="region">The region, such as <c>eu-west-1</c>.</param>
    /// <returns>The endpoint, such as <c>https://swf.eu-west-1.amazonaws.com/</c>.</returns>
    public static Uri RegionalEndpoint(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var suffix = region switch
        {
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => "amazonaws.com.cn",
            _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "sc2s.sgov.gov",
            _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "c2s.ic.gov",
            _ => "amazonaws.com",
        };
        return new Uri($"https://swf.{region}.{suffix}/");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<ResponseMetadata> SendAsync<TRequest>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo, bool longPoll, CancellationToken cancellationToken)
    {
        var (_, metadata) = await SendCoreAsync(operation, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo), longPoll, cancellationToken).ConfigureAwait(false);
        return metadata;
    }

    private async Task<(TResult Value, ResponseMetadata Metadata)> SendAsync<TRequest, TResult>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResult> resultInfo, bool longPoll, CancellationToken cancellationToken)
    {
        var (body, metadata) = await SendCoreAsync(operation, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo), longPoll, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0 || IsJsonNull(body))
        {
            throw new SwfTransportException($"SWF answered {operation} with HTTP {metadata.StatusCode} and an empty body where a result was expected.", metadata.StatusCode, metadata.RequestId);
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, resultInfo);
            return (value!, metadata);
        }
        catch (JsonException ex)
        {
            throw new SwfTransportException(
                $"SWF answered {operation} with HTTP {metadata.StatusCode} and a body that is not a valid {typeof(TResult).Name} ({ex.Message}): {Preview(body)}",
                metadata.StatusCode,
                metadata.RequestId,
                ex);
        }
    }

    private async Task<(byte[] Body, ResponseMetadata Metadata)> SendCoreAsync(string operation, byte[] payload, bool longPoll, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await SendOnceAsync(operation, payload, longPoll, cancellationToken).ConfigureAwait(false);
            }
            catch (SwfException ex) when (ex.IsRetryable && attempt < _options.Retry.MaxAttempts)
            {
                var delay = _options.Retry.ComputeDelay(attempt, Random.Shared.NextDouble());
                LogRetry(_logger, operation, attempt, ex.ErrorCode, ex.StatusCode, delay, null);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<(byte[] Body, ResponseMetadata Metadata)> SendOnceAsync(string operation, byte[] payload, bool longPoll, CancellationToken cancellationToken)
    {
        var credentials = await GetCredentialsAsync().ConfigureAwait(false);
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        message.Content = new ByteArrayContent(payload);
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        var signature = SigV4Signer.Sign(
            SigV4Request.Post(
                _endpoint,
                [new("Content-Type", JsonContentType.ToString()), new("X-Amz-Target", TargetPrefix + operation)],
                payload,
                _region,
                SwfClientOptions.ServiceName),
            credentials,
            _options.TimeProvider.GetUtcNow().UtcDateTime);
        foreach (var (name, value) in signature.HeadersToAdd)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        // The time limit runs on the options' clock, so that tests can drive it with a fake one.
        var limit = longPoll ? _options.LongPollTimeout : _options.RequestTimeout;
        using var timeout = new CancellationTokenSource(limit, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SwfTransportException($"SWF did not answer {operation} within {limit}.", 0, isRetryable: true);
        }
        catch (HttpRequestException ex)
        {
            throw new SwfTransportException($"Calling SWF's {operation} at {_endpoint} failed: {ex.Message}", 0, null, ex, isRetryable: true);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var requestId = RequestIdOf(response);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogCall(_logger, operation, status, elapsedMs, requestId, null);
            if (response.IsSuccessStatusCode)
            {
                return (body, new ResponseMetadata(status, requestId));
            }

            throw ToException(operation, response, status, requestId, body);
        }
    }

    private static SwfException ToException(string operation, HttpResponseMessage response, int status, string? requestId, byte[] body)
    {
        SwfErrorBody? error = null;
        try
        {
            if (body.Length > 0)
            {
                error = JsonSerializer.Deserialize(body, SwfJsonContext.Default.SwfErrorBody);
            }
        }
        catch (JsonException)
        {
            // Not JSON: an HTML page from a proxy or a server that is not SWF. Reported below.
        }

        var type = error?.Type;
        if (string.IsNullOrEmpty(type) && response.Headers.TryGetValues("X-Amzn-ErrorType", out var values))
        {
            type = values.FirstOrDefault();
        }

        if (string.IsNullOrEmpty(type))
        {
            return new SwfTransportException(
                $"SWF answered {operation} with HTTP {status} and a body that is not an SWF error: {Preview(body)}",
                status,
                requestId);
        }

        var message = error?.Message ?? error?.MessageUpper ?? $"SWF answered {operation} with HTTP {status}.";
        return SwfFaults.Create(SwfFaults.ParseErrorCode(type), message, status, requestId);
    }

    private async ValueTask<SigV4Credentials> GetCredentialsAsync()
    {
        ImmutableCredentials credentials;
        try
        {
            credentials = await _credentials.Value.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new SwfException("CredentialsUnavailable", $"No AWS credentials could be resolved: {ex.Message}", 0, null, ex);
        }

        return new SigV4Credentials(credentials.AccessKey, credentials.SecretKey, credentials.UseToken ? credentials.Token : null);
    }

    private AWSCredentials ResolveCredentials()
    {
        if (_options.Credentials is not null)
        {
            return _options.Credentials;
        }

        if (_options.Profile is not null)
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(_options.Profile, out var profileCredentials))
            {
                return profileCredentials;
            }

            throw new SwfException("CredentialsUnavailable", $"The AWS profile '{_options.Profile}' was not found or has no credentials.", 0);
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw new SwfException("CredentialsUnavailable", $"No AWS credentials could be resolved: {ex.Message}", 0, null, ex);
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;

    private static bool IsJsonNull(byte[] body) => body.AsSpan().Trim(" \t\r\n"u8).SequenceEqual("null"u8);

    private static string Preview(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ");
        return body.Length > 200 ? text + "..." : text;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "SWF {Operation} answered HTTP {Status} in {ElapsedMs:0.0} ms (request id {RequestId})")]
    private static partial void LogCall(ILogger logger, string operation, int status, double elapsedMs, string? requestId, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "SWF {Operation} attempt {Attempt} failed with {ErrorCode} (HTTP {Status}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, string errorCode, int status, TimeSpan delay, Exception? exception);

    private readonly record struct ResponseMetadata(int StatusCode, string? RequestId);
}
