using System.Globalization;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Serialization;

namespace Swf.Client;

/// <summary>
/// Starts workflow executions and reaches running ones: signal, cancel, terminate, describe, read
/// history and wait for results. Typed clients generated for each workflow build on it.
/// </summary>
public sealed class WorkflowClient
{
    /// <summary>Initializes the client.</summary>
    /// <param name="swf">The SWF client (the wire client, the local engine, ...).</param>
    /// <param name="options">The client's settings; <see cref="WorkflowClientOptions.Domain"/> is required.</param>
    public WorkflowClient(ISwfClient swf, WorkflowClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(swf);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Domain, "options.Domain");
        Swf = swf;
        Options = options;
        PayloadConverter = options.PayloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default);
        Payloads = options.PayloadPipeline ?? PayloadPipeline.Empty;
        ClientOutboundInterceptor outbound = new WorkflowClientCalls(this);
        for (var i = options.Interceptors.Count - 1; i >= 0; i--)
        {
            outbound = options.Interceptors[i].InterceptClient(outbound)
                ?? throw new ArgumentException($"Interceptor {options.Interceptors[i].GetType().FullName} returned null from InterceptClient.", nameof(options));
        }

        Outbound = outbound;
    }

    /// <summary>Gets the SWF client.</summary>
    public ISwfClient Swf { get; }

    /// <summary>Gets the settings.</summary>
    public WorkflowClientOptions Options { get; }

    /// <summary>Gets the converter of typed inputs and results.</summary>
    public IPayloadConverter PayloadConverter { get; }

    /// <summary>Gets the payload pipeline: inputs and details sent are encoded with it, results and history read are decoded.</summary>
    public PayloadPipeline Payloads { get; }

    /// <summary>Gets the outermost client interceptor: the client's calls start there.</summary>
    internal ClientOutboundInterceptor Outbound { get; }

    /// <summary>Starts an execution.</summary>
    /// <param name="workflowType">The workflow type.</param>
    /// <param name="workflowId">The workflow id: unique among the domain's open executions.</param>
    /// <param name="input">The encoded input, or null.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A handle to the new run.</returns>
    /// <exception cref="WorkflowExecutionAlreadyStartedException">An open execution has this workflow id.</exception>
    /// <exception cref="PayloadTooLargeException">The input is longer than SWF accepts.</exception>
    public Task<WorkflowHandle> StartAsync(WorkflowType workflowType, string workflowId, string? input, WorkflowStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return Outbound.StartWorkflowAsync(new StartWorkflowInput(workflowType, workflowId, options ?? new WorkflowStartOptions(), cancellationToken) { Input = input });
    }

    /// <summary>The start itself, at the inward end of the interceptor chain.</summary>
    internal async Task<WorkflowHandle> StartCoreAsync(StartWorkflowInput start)
    {
        var (workflowType, workflowId, input, options, cancellationToken) = (start.WorkflowType, start.WorkflowId, start.Input, start.Options, start.CancellationToken);
        var call = $"StartAsync({workflowType.Name} {workflowType.Version}) input";
        PayloadTooLargeException.ThrowIfTooLarge(input, call, Payloads.RawPayloadLimit);
        input = await Payloads.EncodeAsync(input, WorkflowClientCalls.ReadOnly(start.Headers), new PayloadStoreContext(Options.Domain, workflowId, null), call, cancellationToken).ConfigureAwait(false);
        var response = await Swf.StartWorkflowExecutionAsync(
            new StartWorkflowExecutionRequest
            {
                Domain = Options.Domain,
                WorkflowId = workflowId,
                WorkflowType = new WorkflowType { Name = workflowType.Name, Version = workflowType.Version },
                Input = input,
                TaskList = options.TaskList is null ? null : new TaskList { Name = options.TaskList },
                ExecutionStartToCloseTimeout = SwfDuration.ToWire(options.ExecutionStartToCloseTimeout),
                TaskStartToCloseTimeout = SwfDuration.ToWire(options.TaskStartToCloseTimeout),
                ChildPolicy = options.ChildPolicy,
                TaskPriority = options.TaskPriority?.ToString(CultureInfo.InvariantCulture),
                TagList = options.Tags.Count > 0 ? [.. options.Tags] : null,
                LambdaRole = options.LambdaRole,
            },
            cancellationToken).ConfigureAwait(false);
        return new WorkflowHandle(this, workflowId, response.Run.RunId);
    }

    /// <summary>Returns a handle to an existing execution.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="runId">The run id, or null for the open run (signal, cancel, terminate) or the latest run (describe, result).</param>
    /// <returns>The handle.</returns>
    public WorkflowHandle GetHandle(string workflowId, string? runId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return new WorkflowHandle(this, workflowId, runId);
    }
}
