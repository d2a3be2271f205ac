namespace Swf.Hosting;

/// <summary>Where SWF is: AWS (a region and optional profile), an explicit endpoint such as swf-local, or an engine registered in the container.</summary>
public sealed class SwfConnectionOptions
{
    /// <summary>Gets or sets the AWS region, such as <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Gets or sets the shared-config profile to take credentials from.</summary>
    public string? Profile { get; set; }

    /// <summary>Gets or sets an explicit endpoint, such as <c>http://127.0.0.1:5055</c> for swf-local.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to run against the embedded local engine (register it with
    /// <c>UseLocalSwfEngine()</c> from Swf.Sdk.LocalEngine) instead of a network endpoint.
    /// </summary>
    public bool UseLocalEngine { get; set; }
}
