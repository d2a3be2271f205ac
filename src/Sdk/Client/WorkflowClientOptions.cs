using Swf.Converters;

namespace Swf.Client;

/// <summary>Settings of a <see cref="WorkflowClient"/>.</summary>
public sealed class WorkflowClientOptions
{
    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets the converter of typed inputs and results.</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>Gets or sets how often <see cref="WorkflowHandle.GetResultAsync"/> checks whether the run closed, at first.</summary>
    public TimeSpan ResultPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest interval between those checks (the interval doubles up to it).</summary>
    public TimeSpan MaxResultPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the clock used to wait between those checks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
