using Swf.Payloads;

namespace OrderProcessing.Hosting;

/// <summary>
/// The sample's payload pipeline (section <c>Orders:Payloads</c>): where payloads larger than SWF's 32,768-character
/// limit go, such as an order with thousands of lines. History then keeps a reference of about 200 characters.
/// </summary>
public sealed class OrderPayloadOptions
{
    /// <summary>Gets or sets the store; <see cref="OrderPayloadStore.None"/> by default.</summary>
    public OrderPayloadStore Store { get; set; } = OrderPayloadStore.None;

    /// <summary>Gets or sets the folder of <see cref="OrderPayloadStore.FileSystem"/>.</summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "swf-orders-payloads");

    /// <summary>Gets or sets the bucket of <see cref="OrderPayloadStore.S3"/>.</summary>
    public string? Bucket { get; set; }

    /// <summary>Gets or sets the key prefix in <see cref="Bucket"/>, such as <c>orders/</c>.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Gets or sets an S3 endpoint other than AWS's (a local S3 such as moto_server); null for AWS.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Gets or sets the length (characters) above which a payload goes to the store.</summary>
    public int Threshold { get; set; } = PayloadPipelineOptions.DefaultStoreThreshold;
}
