namespace Swf.Exceptions;

/// <summary>
/// A payload cannot be encoded or decoded: it names a codec or key id this process lacks, it is stored in a
/// payload store that is not configured, or its bytes are corrupt. The message names what is missing.
/// </summary>
/// <remarks>Not an <see cref="SwfException"/>: SWF accepted the data; the fault is in this process's configuration.</remarks>
public sealed class PayloadCodecException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public PayloadCodecException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PayloadCodecException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PayloadCodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="codec">The codec concerned.</param>
    /// <param name="keyId">The key id concerned.</param>
    public PayloadCodecException(string message, string? codec, string? keyId)
        : base(message)
    {
        Codec = codec;
        KeyId = keyId;
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="codec">The codec concerned.</param>
    /// <param name="keyId">The key id concerned.</param>
    public PayloadCodecException(string message, Exception? innerException, string? codec, string? keyId)
        : base(message, innerException)
    {
        Codec = codec;
        KeyId = keyId;
    }

    /// <summary>Gets the name of the codec that is missing or failed, if any.</summary>
    public string? Codec { get; }

    /// <summary>Gets the key id that is missing or failed, if any.</summary>
    public string? KeyId { get; }
}
