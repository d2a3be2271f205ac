using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Swf.LocalServer.Tests;

/// <summary>A request body sent without a Content-Length (chunked), so the server only learns its size as it reads.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;

    public ChunkedContent(string body)
    {
        _body = Encoding.UTF8.GetBytes(body);
        Headers.ContentType = MediaTypeHeaderValue.Parse(Wire.AmzJson);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += 64 * 1024)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(64 * 1024, _body.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
