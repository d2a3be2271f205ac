namespace Swf.Model;

/// <summary>What every SWF response carries besides its data.</summary>
public abstract class SwfResponse
{
    /// <summary>Gets or sets the service's id of the request (<c>x-amzn-RequestId</c>), when it sent one.</summary>
    public string? RequestId { get; set; }
}
