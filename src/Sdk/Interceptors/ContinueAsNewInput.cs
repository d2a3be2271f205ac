using Swf.Workflows;

namespace Swf.Interceptors;

/// <summary>A continue-as-new, as <see cref="WorkflowOutboundInterceptor.ContinueAsNew"/> sees it.</summary>
public sealed class ContinueAsNewInput
{
    /// <summary>Gets or sets the new run's encoded input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>Gets or sets how the new run starts, or null.</summary>
    public ContinueAsNewOptions? Options { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
