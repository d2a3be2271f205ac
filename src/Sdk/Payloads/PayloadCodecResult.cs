namespace Swf.Payloads;

/// <summary>What a codec made of a payload.</summary>
/// <param name="Data">The encoded bytes.</param>
/// <param name="KeyId">The id of the key used, written into the payload so the reader can find it again; null for keyless codecs.</param>
public sealed record PayloadCodecResult(ReadOnlyMemory<byte> Data, string? KeyId = null);
