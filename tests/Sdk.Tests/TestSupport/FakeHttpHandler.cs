using System.Net;
using System.Text;

namespace Swf.Tests.TestSupport;

/// <summary>An <see cref="HttpMessageHandler"/> that answers with a test's function and records what was sent; no network.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<SentRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<SentRequest> _requests = [];

    public FakeHttpHandler(Func<SentRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeHttpHandler(Func<SentRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    /// <summary>Gets the requests sent so far.</summary>
    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets how many times the handler was called.</summary>
    public int Calls => Requests.Count;

    /// <summary>A response with a body and headers.</summary>
    public static HttpResponseMessage Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(",", values);
        }

        var sent = new SentRequest(request.Method, request.RequestUri!, headers, body);
        lock (_requests)
        {
            _requests.Add(sent);
        }

        return await _respond(sent, cancellationToken);
    }

    /// <summary>What the client sent.</summary>
    internal sealed record SentRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);
    }
}
