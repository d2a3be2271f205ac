using Swf.Converters;
using Swf.Model;

namespace Swf.Client;

/// <summary>Settings of a <see cref="WorkflowClient"/>.</summary>
public sealed class WorkflowClientOptions
{
    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets the converter of typed inputs and results.</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>
    /// Gets or sets the payload pipeline (codecs, claim check) applied where payloads cross the wire; null means
    /// <see cref="Payloads.PayloadPipeline.Empty"/>, which passes plain payloads and names what an encoded one needs.
    /// </summary>
    public Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>Gets the client interceptors, outermost first (see docs/interceptors.md).</summary>
    public IList<Interceptors.IClientInterceptor> Interceptors { get; } = new List<Interceptors.IClientInterceptor>();

    /// <summary>Gets or sets how often <see cref="WorkflowHandle.GetResultAsync"/> checks whether the run closed, at first.</summary>
    public TimeSpan ResultPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest interval between those checks (the interval doubles up to it).</summary>
    public TimeSpan MaxResultPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the clock used to wait between those checks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets what <see cref="WorkflowHandle.GetResultAsync(bool, CancellationToken)"/> does each time it finds
    /// the run still open, instead of waiting <see cref="ResultPollInterval"/>: given the run and the caller's token,
    /// it returns when the run may have changed, or throws to end the wait. Null (the default) waits.
    /// </summary>
    /// <remarks>
    /// The test environment (Swf.Sdk.Testing) sets it on its client to run its workers and skip time while a
    /// result is awaited, and to throw <see cref="Exceptions.WorkflowTaskFailedException"/> at once when a decision
    /// task of the run failed.
    /// </remarks>
    public Func<WorkflowExecution, CancellationToken, Task>? WhileRunOpen { get; set; }
}
