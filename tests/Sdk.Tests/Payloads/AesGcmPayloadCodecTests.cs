using System.Text;
using Swf.Exceptions;
using Swf.Payloads;

namespace Swf.Tests.Payloads;

public class AesGcmPayloadCodecTests
{
    private static readonly byte[] KeyOne = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] KeyTwo = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("{\"card\":\"4111 1111 1111 1111\"}");

    [Fact]
    public async Task EncodeAsync_CurrentKey_CiphertextHidesDataAndDecodesBack()
    {
        var codec = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne }));

        var encoded = await codec.EncodeAsync(Secret);
        var decoded = await codec.DecodeAsync(encoded!.Data, encoded.KeyId);

        Assert.Equal("k1", encoded.KeyId);
        Assert.DoesNotContain("4111", Encoding.UTF8.GetString(encoded.Data.Span), StringComparison.Ordinal);
        Assert.Equal(Secret.Length + 12 + 16, encoded.Data.Length);
        Assert.Equal(Secret, decoded.ToArray());
    }

    [Fact]
    public async Task EncodeAsync_SamePayloadTwice_UsesFreshNonces()
    {
        var codec = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne }));

        var first = await codec.EncodeAsync(Secret);
        var second = await codec.EncodeAsync(Secret);

        Assert.NotEqual(first!.Data.ToArray(), second!.Data.ToArray());
    }

    [Fact]
    public async Task DecodeAsync_AfterRotation_OldPayloadStillReads()
    {
        var before = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne }));
        var after = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k2", new Dictionary<string, byte[]> { ["k1"] = KeyOne, ["k2"] = KeyTwo }));
        var old = await before.EncodeAsync(Secret);

        var fresh = await after.EncodeAsync(Secret);

        Assert.Equal("k2", fresh!.KeyId);
        Assert.Equal(Secret, (await after.DecodeAsync(old!.Data, old.KeyId)).ToArray());
    }

    [Fact]
    public async Task DecodeAsync_KeyMissing_ThrowsNamingTheKeyId()
    {
        var writer = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne }));
        var reader = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k2", new Dictionary<string, byte[]> { ["k2"] = KeyTwo }));
        var encoded = await writer.EncodeAsync(Secret);

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await reader.DecodeAsync(encoded!.Data, encoded.KeyId));

        Assert.Equal("k1", error.KeyId);
        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_KeyIdRelabelled_FailsAuthentication()
    {
        // The key id is associated data: a payload written under k1 does not decrypt as k2, even with k1's bytes.
        var writer = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne }));
        var reader = new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k2", new Dictionary<string, byte[]> { ["k2"] = KeyOne }));
        var encoded = await writer.EncodeAsync(Secret);

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await reader.DecodeAsync(encoded!.Data, "k2"));

        Assert.Contains("does not decrypt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InMemoryEncryptionKeyProvider_KeyOfWrongSize_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[10] }));

        Assert.Contains("16, 24 or 32", error.Message, StringComparison.Ordinal);
    }
}
