namespace Swf.Payloads;

/// <summary>The compression algorithms of <see cref="CompressionPayloadCodec"/>.</summary>
public enum PayloadCompression
{
    /// <summary>Raw deflate (RFC 1951): fast, and readable with any zlib.</summary>
    Deflate,

    /// <summary>Brotli (RFC 7932): smaller output for text, slower to write.</summary>
    Brotli,
}
