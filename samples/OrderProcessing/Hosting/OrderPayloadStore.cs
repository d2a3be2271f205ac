namespace OrderProcessing.Hosting;

/// <summary>Where the claim check keeps payloads too large for SWF (<c>Orders:Payloads:Store</c>).</summary>
public enum OrderPayloadStore
{
    /// <summary>No store: a payload over SWF's limit fails where it is made (the default).</summary>
    None,

    /// <summary>A folder (<see cref="OrderPayloadOptions.Folder"/>): for the embedded engine and swf-local, shared by the processes of one machine.</summary>
    FileSystem,

    /// <summary>An S3 bucket (<see cref="OrderPayloadOptions.Bucket"/>), through Swf.Sdk.S3: for workers on AWS.</summary>
    S3,
}
