namespace Swf.AspNetCore;

/// <summary>Settings of the payload decode endpoint that <c>MapSwfPayloadDecoder</c> maps.</summary>
public sealed class SwfPayloadDecoderOptions
{
    /// <summary>The default of <see cref="MaxPayloads"/>.</summary>
    public const int DefaultMaxPayloads = 1_000;

    /// <summary>
    /// Gets the browser origins (scheme, host and port, such as <c>http://localhost:4577</c>) whose pages may call the
    /// endpoint. Empty by default: then only callers that send no <c>Origin</c> header (a server such as swf-local,
    /// curl, the CLI) are answered.
    /// </summary>
    /// <remarks>
    /// The endpoint decrypts with your keys, so a request from any other origin is refused with 403 before anything
    /// is decoded, and a preflight is answered only for these origins. Compared ordinally, ignoring case.
    /// </remarks>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Gets or sets the most payloads one request may carry; more is answered with 400.</summary>
    public int MaxPayloads { get; set; } = DefaultMaxPayloads;
}
