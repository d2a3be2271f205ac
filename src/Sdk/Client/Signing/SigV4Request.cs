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
    string Service);
