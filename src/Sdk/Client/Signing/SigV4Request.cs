namespace Swf.Client.Signing;

/// <summary>The parts of an HTTP request that SigV4 signs.</summary>
/// <param name="Method">The HTTP method, such as <c>POST</c>.</param>
/// <param name="Host">The <c>Host</c> header: the endpoint's host, with the port when it is not the scheme's default.</param>
/// <param name="Path">The URI path, already encoded, such as <c>/</c>.</param>
/// <param name="Query">The canonical query string, empty for SWF.</param>
/// <param name="Headers">The headers to sign besides <c>host</c>, <c>x-amz-date</c> and <c>x-amz-security-token</c>.</param>
/// <param name="Body">The request body.</param>
/// <param name="Region">The signing region, such as <c>us-east-1</c>.</param>
/// <param name="Service">The signing name, <c>swf</c>.</param>
public sealed record SigV4Request(
    string Method,
    string Host,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    string Region,
    string Service)
{
    /// <summary>
    /// Describes a <c>POST</c> to an endpoint, as SWF's JSON calls are made: the host carries the port
    /// only when it is not the scheme's default, and an empty path is <c>/</c>.
    /// </summary>
    /// <param name="endpoint">The endpoint, such as <c>https://swf.us-east-1.amazonaws.com/</c> or <c>http://127.0.0.1:5055</c>.</param>
    /// <param name="headers">The headers to sign besides <c>host</c>, <c>x-amz-date</c> and <c>x-amz-security-token</c>.</param>
    /// <param name="body">The request body.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="service">The signing name.</param>
    /// <returns>The request to sign.</returns>
    public static SigV4Request Post(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var path = string.IsNullOrEmpty(endpoint.AbsolutePath) ? "/" : endpoint.AbsolutePath;
        return new SigV4Request("POST", host, path, string.Empty, headers, body, region, service);
    }
}
