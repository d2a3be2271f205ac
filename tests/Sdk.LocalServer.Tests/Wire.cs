using System.Net.Http.Headers;
using System.Text;

namespace Swf.LocalServer.Tests;

/// <summary>Raw SWF requests over HTTP, for requests no SDK would send.</summary>
internal static class Wire
{
    public const string AmzJson = "application/x-amz-json-1.0";

    /// <summary>Sends <c>POST /</c> with <c>X-Amz-Target: SimpleWorkflowService.&lt;operation&gt;</c> and the body as given.</summary>
    public static async Task<WireAnswer> SendAsync(HttpClient http, Uri endpoint, string operation, string body, string contentType = AmzJson, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService." + operation);
        return await ReadAsync(await http.SendAsync(request));
    }

    public static async Task<WireAnswer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new WireAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
        }
    }
}
