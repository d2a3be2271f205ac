using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Workflows;

namespace Swf.Worker;

/// <content>
/// The interceptor hook: the workflow API's outbound calls and the runtime's inbound calls (run, signal, query) pass
/// through the run's interceptor chains, whose ends are the instance's own methods. Headers travel in the payload
/// strings: inbound inputs are split from their headers here, outbound inputs joined to theirs (see <see cref="PayloadHeaders"/>).
/// </content>
internal sealed partial class WorkflowInstance
{
    private WorkflowInboundInterceptor? _inbound;
    private WorkflowOutboundInterceptor? _outbound;
    private ContinueAsNewInput? _continueAsNew;

    /// <summary>Gets the interceptors of the run, outermost first. Set before the first decision task.</summary>
    public IReadOnlyList<IWorkflowInterceptor> Interceptors { get; init; } = [];

    /// <summary>Gets the headers the run started with (from its start or continue-as-new input).</summary>
    public IReadOnlyDictionary<string, string> StartHeaders { get; private set; } = PayloadHeaders.None;

    /// <summary>
    /// Gets or sets the context of the span of the decision task being answered (default when nobody listens), which
    /// the tracing interceptor writes into the headers of what the task schedules. Set by the worker per task.
    /// </summary>
    public System.Diagnostics.ActivityContext TaskSpanContext { get; set; }

    private WorkflowInboundInterceptor Inbound => _inbound ??= new RootInbound(this);

    private WorkflowOutboundInterceptor Outbound => _outbound ??= new RootOutbound(this);

    Task<string?> IWorkflowContext.ScheduleActivityAsync(ActivityType activityType, string activityId, string? input, ActivityOptions options, CancellationToken cancellationToken) =>
        Outbound.ScheduleActivityAsync(new ScheduleActivityInput(activityType, activityId, options, cancellationToken) { Input = input });

    Task IWorkflowContext.DelayAsync(TimeSpan delay, string? timerId, CancellationToken cancellationToken) =>
        Outbound.DelayAsync(new StartTimerInput(delay, timerId, cancellationToken));

    Task<string?> IWorkflowContext.ExecuteChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken)
    {
        var call = new StartChildWorkflowInput(workflowType, options, cancellationToken) { Input = input };
        var started = Outbound.StartChildWorkflowAsync(call);
        // The runtime's end of the chain left the result on the input; an interceptor that replaced the input (or
        // answered itself) gets the result through the handle instead.
        return call.Result ?? ResultOf(started);

        static async Task<string?> ResultOf(Task<ChildWorkflowHandle> started) => await (await started).GetResultAsync();
    }

    Task<ChildWorkflowHandle> IWorkflowContext.StartChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken) =>
        Outbound.StartChildWorkflowAsync(new StartChildWorkflowInput(workflowType, options, cancellationToken) { Input = input });

    Task IWorkflowContext.SignalExternalWorkflowAsync(string workflowId, string? runId, string signalName, string? input) =>
        Outbound.SignalExternalWorkflowAsync(new SignalExternalWorkflowInput(workflowId, runId, signalName) { Input = input });

    /// <summary>Builds the chains, on the scheduler before any workflow code: a failure here fails the run like its constructor's.</summary>
    private void BuildInterceptorChains()
    {
        WorkflowInboundInterceptor inbound = new RootInbound(this);
        for (var i = Interceptors.Count - 1; i >= 0; i--)
        {
            inbound = Interceptors[i].InterceptWorkflow(inbound)
                ?? throw new InvalidOperationException($"Interceptor {Interceptors[i].GetType().FullName} returned null from InterceptWorkflow.");
        }

        _inbound = inbound;
        inbound.Init(new RootOutbound(this));
    }

    private Task<string?> RunThroughInterceptors(string? input)
    {
        var (payload, headers) = PayloadHeaders.Split(input);
        StartHeaders = headers;
        var call = new ExecuteWorkflowInput(_workflow!, payload);
        Copy(headers, call.Headers);
        return Inbound.ExecuteWorkflowAsync(call);
    }

    private Task SignalThroughInterceptors(string signalName, string? input)
    {
        var (payload, headers) = PayloadHeaders.Split(input);
        var call = new HandleSignalInput(_workflow!, signalName, payload);
        Copy(headers, call.Headers);
        return Inbound.HandleSignalAsync(call);
    }

    private string? QueryThroughInterceptors(string queryName) => Inbound.HandleQuery(new HandleQueryInput(_workflow!, queryName));

    /// <summary>Passes a continue-as-new through the chain; returns the new run's input (joined to its headers) and options.</summary>
    private (string? Input, ContinueAsNewOptions? Options) InterceptContinueAsNew(ContinueAsNewException continueAsNew)
    {
        _continueAsNew = null;
        Outbound.ContinueAsNew(new ContinueAsNewInput { Input = continueAsNew.Input, Options = continueAsNew.Options });
        return _continueAsNew is { } decided
            ? (PayloadHeaders.Attach(decided.Input, ReadOnly(decided.Headers)), decided.Options)
            : (continueAsNew.Input, continueAsNew.Options);
    }

    private static void Copy(IReadOnlyDictionary<string, string> from, IDictionary<string, string> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    private static IReadOnlyDictionary<string, string> ReadOnly(IDictionary<string, string> headers) =>
        headers as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(headers, StringComparer.Ordinal);

    /// <summary>The inward end of the inbound chain: the workflow definition's own run, signal and query delegates.</summary>
    private sealed class RootInbound(WorkflowInstance instance) : WorkflowInboundInterceptor
    {
        public override void Init(WorkflowOutboundInterceptor outbound)
        {
            ArgumentNullException.ThrowIfNull(outbound);
            instance._outbound = outbound;
        }

        public override Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance._definition.Run(input.Instance, input.Input);
        }

        public override Task HandleSignalAsync(HandleSignalInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance._definition.Signals.TryGetValue(input.SignalName, out var handler)
                ? handler(input.Instance, input.Input)
                : Task.CompletedTask;
        }

        public override string? HandleQuery(HandleQueryInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance._definition.Queries[input.QueryName](input.Instance);
        }
    }

    /// <summary>The outward end of the outbound chain: the instance's commands, with the headers joined to the inputs.</summary>
    private sealed class RootOutbound(WorkflowInstance instance) : WorkflowOutboundInterceptor
    {
        public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance.ScheduleActivityAsync(input.ActivityType, input.ActivityId, PayloadHeaders.Attach(input.Input, ReadOnly(input.Headers)), input.Options, input.CancellationToken);
        }

        public override Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            var child = instance.StartChild(input.WorkflowType, PayloadHeaders.Attach(input.Input, ReadOnly(input.Headers)), input.Options, input.CancellationToken);
            input.Result = child.Result.Task;
            return child.Started.Task;
        }

        public override Task DelayAsync(StartTimerInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance.DelayAsync(input.Delay, input.TimerId, input.CancellationToken);
        }

        public override Task SignalExternalWorkflowAsync(SignalExternalWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return instance.SignalExternalWorkflowAsync(input.WorkflowId, input.RunId, input.SignalName, PayloadHeaders.Attach(input.Input, ReadOnly(input.Headers)));
        }

        public override void ContinueAsNew(ContinueAsNewInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            instance._continueAsNew = input;
        }
    }
}
