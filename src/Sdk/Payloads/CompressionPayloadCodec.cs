using System.IO.Compression;
using Swf.Exceptions;

namespace Swf.Payloads;

/// <summary>
/// Compresses payloads with deflate or brotli. Payloads smaller than <see cref="MinimumSize"/> bytes, and
/// payloads that compression would not shrink, are left as they are (and carry no mark of this codec).
/// </summary>
public sealed class CompressionPayloadCodec : IPayloadCodec
{
    /// <summary>The default <see cref="MinimumSize"/>: below about a kilobyte the envelope costs more than compression saves.</summary>
    public const int DefaultMinimumSize = 1024;

    /// <summary>Initializes the codec.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="minimumSize">Payloads smaller than this many bytes are not compressed.</param>
    /// <param name="level">The compression level.</param>
    public CompressionPayloadCodec(PayloadCompression algorithm = PayloadCompression.Deflate, int minimumSize = DefaultMinimumSize, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumSize);
        Algorithm = algorithm;
        MinimumSize = minimumSize;
        Level = level;
        Name = algorithm switch
        {
            PayloadCompression.Deflate => "deflate",
            PayloadCompression.Brotli => "brotli",
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a known compression algorithm."),
        };
    }

    /// <summary>Gets the algorithm.</summary>
    public PayloadCompression Algorithm { get; }

    /// <summary>Gets the size in bytes below which payloads are left uncompressed.</summary>
    public int MinimumSize { get; }

    /// <summary>Gets the compression level.</summary>
    public CompressionLevel Level { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ValueTask<PayloadCodecResult?> EncodeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (data.Length < MinimumSize)
        {
            return ValueTask.FromResult<PayloadCodecResult?>(null);
        }

        using var output = new MemoryStream(data.Length / 2);
        using (var compressor = Compress(output))
        {
            compressor.Write(data.Span);
        }

        // Incompressible data (already compressed or encrypted) would only grow: leave it.
        return ValueTask.FromResult(output.Length >= data.Length ? null : new PayloadCodecResult(output.ToArray()));
    }

    /// <inheritdoc/>
    public ValueTask<ReadOnlyMemory<byte>> DecodeAsync(ReadOnlyMemory<byte> data, string? keyId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var input = new MemoryStream(data.ToArray(), writable: false);
            using var decompressor = Decompress(input);
            using var output = new MemoryStream(data.Length * 4);
            decompressor.CopyTo(output);
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(output.ToArray());
        }
        catch (InvalidDataException ex)
        {
            throw new PayloadCodecException($"The payload is not valid {Name} data: {ex.Message}", ex);
        }
    }

    private Stream Compress(Stream output) => Algorithm == PayloadCompression.Brotli
        ? new BrotliStream(output, Level, leaveOpen: true)
        : new DeflateStream(output, Level, leaveOpen: true);

    private Stream Decompress(Stream input) => Algorithm == PayloadCompression.Brotli
        ? new BrotliStream(input, CompressionMode.Decompress)
        : new DeflateStream(input, CompressionMode.Decompress);
}
