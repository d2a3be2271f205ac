namespace Swf.Payloads;

/// <summary>Settings of a <see cref="PayloadPipeline"/>.</summary>
public sealed class PayloadPipelineOptions
{
    /// <summary>The default <see cref="StoreThreshold"/>: just under SWF's 32,768-character limit, leaving room for nothing else.</summary>
    public const int DefaultStoreThreshold = 32_000;

    /// <summary>Gets the codecs, in the order they run when writing (compression before encryption, so there is something to compress).</summary>
    public IList<IPayloadCodec> Codecs { get; } = [];

    /// <summary>Gets or sets the claim check's store; null (the default) keeps every payload in history.</summary>
    public IPayloadStore? Store { get; set; }

    /// <summary>
    /// Gets or sets the length (in characters, after the codecs) above which a payload goes to <see cref="Store"/>
    /// and history keeps a reference of about 200 characters instead.
    /// </summary>
    public int StoreThreshold { get; set; } = DefaultStoreThreshold;
}
