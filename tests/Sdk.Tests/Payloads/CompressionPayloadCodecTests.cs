using System.Security.Cryptography;
using System.Text;
using Swf.Exceptions;
using Swf.Payloads;

namespace Swf.Tests.Payloads;

public class CompressionPayloadCodecTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"sku\":\"A-1\",\"qty\":2},", 500)));

    [Theory]
    [InlineData(PayloadCompression.Deflate, "deflate")]
    [InlineData(PayloadCompression.Brotli, "brotli")]
    public async Task EncodeAsync_RepetitiveText_ShrinksAndDecodesBack(PayloadCompression algorithm, string name)
    {
        var codec = new CompressionPayloadCodec(algorithm);

        var encoded = await codec.EncodeAsync(Text);
        var decoded = await codec.DecodeAsync(encoded!.Data, encoded.KeyId);

        Assert.Equal(name, codec.Name);
        Assert.True(encoded.Data.Length < Text.Length / 5, $"{encoded.Data.Length} bytes of {Text.Length}");
        Assert.Null(encoded.KeyId);
        Assert.Equal(Text, decoded.ToArray());
    }

    [Fact]
    public async Task EncodeAsync_BelowMinimumSize_LeavesPayloadAlone()
    {
        var codec = new CompressionPayloadCodec(minimumSize: Text.Length + 1);

        Assert.Null(await codec.EncodeAsync(Text));
    }

    [Fact]
    public async Task EncodeAsync_IncompressibleData_LeavesPayloadAlone()
    {
        var random = RandomNumberGenerator.GetBytes(4096);

        Assert.Null(await new CompressionPayloadCodec().EncodeAsync(random));
    }

    [Fact]
    public async Task DecodeAsync_CorruptData_ThrowsNamingTheCodec()
    {
        var codec = new CompressionPayloadCodec(PayloadCompression.Deflate);

        // 0x07: a final block of type 3, which deflate reserves.
        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await codec.DecodeAsync(new byte[] { 0x07, 0, 0, 0 }, null));

        Assert.Contains("deflate", error.Message, StringComparison.Ordinal);
    }
}
