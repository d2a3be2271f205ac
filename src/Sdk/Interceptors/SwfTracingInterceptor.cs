using System.Diagnostics;
using Swf.Client;
using Swf.Diagnostics;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Interceptors;

/// <summary>
/// Carries W3C trace context (<c>traceparent</c>, <c>tracestate</c>) in the header map, so that the SDK's spans
/// (source <see cref="SwfTelemetry.Name"/>) form one trace from the client's start through every decision task, each
/// activity task and child workflows, across processes. Register it on every host (client, deciders, activity
/// workers) with <c>AddSwf(...).AddInterceptor&lt;SwfTracingInterceptor&gt;()</c>; see docs/tracing.md.
/// </summary>
/// <remarks>
/// Opt-in because it makes payloads carry headers. The client's start and signal get spans
/// (<c>swf.start_workflow</c>, <c>swf.signal_workflow</c>) whose context goes into the call's headers; the deciders
/// parent each <c>swf.decision_task</c> span to the run's start headers, and what a decision task schedules
/// (activities, children, signals, continue-as-new) carries that task's span context, which parents the
/// <c>swf.activity_task</c> spans and the child's decision tasks. Replayed history writes no headers and makes no spans.
/// </remarks>
public sealed class SwfTracingInterceptor : IClientInterceptor, IWorkflowInterceptor
{
    /// <inheritdoc/>
    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new ClientOutbound(nextInterceptor);

    /// <inheritdoc/>
    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new WorkflowInbound(nextInterceptor);

    /// <summary>Tags a client call's span and writes its context (or the caller's, when nobody listens to the SDK) into the headers.</summary>
    private static void Propagate(Activity? span, string workflowId, IDictionary<string, string> headers)
    {
        span?.SetTag("swf.workflow.id", workflowId);
        SwfTraceContext.Inject((span ?? Activity.Current)?.Context ?? default, headers);
    }

    private static void Fail(Activity? span, Exception ex)
    {
        span?.SetStatus(ActivityStatusCode.Error, ex.Message);
        span?.SetTag("error.type", ex.GetType().FullName);
    }

    /// <summary>The client side: spans around start and signal.</summary>
    private sealed class ClientOutbound(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
    {
        public override async Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            // Literal names, so that the docs' coverage test finds them.
            using var span = SwfTelemetry.ActivitySource.StartActivity("swf.start_workflow", ActivityKind.Producer);
            Propagate(span, input.WorkflowId, input.Headers);
            span?.SetTag("swf.workflow.type", input.WorkflowType.Name);
            try
            {
                var handle = await base.StartWorkflowAsync(input).ConfigureAwait(false);
                span?.SetTag("swf.run.id", handle.RunId);
                return handle;
            }
            catch (Exception ex)
            {
                Fail(span, ex);
                throw;
            }
        }

        public override async Task SignalWorkflowAsync(SignalWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            using var span = SwfTelemetry.ActivitySource.StartActivity("swf.signal_workflow", ActivityKind.Producer);
            Propagate(span, input.WorkflowId, input.Headers);
            span?.SetTag("swf.run.id", input.RunId);
            span?.SetTag("swf.signal.name", input.SignalName);
            try
            {
                await base.SignalWorkflowAsync(input).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Fail(span, ex);
                throw;
            }
        }
    }

    /// <summary>The workflow side: hands the outbound chain its wrapper; the decision task spans are the worker's.</summary>
    private sealed class WorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new WorkflowOutbound(outbound));
    }

    /// <summary>
    /// Writes the current decision task's span context into what the run schedules. Not while replaying: those
    /// decisions are already in history (and SWF compares no inputs), so nothing is written and no context leaks
    /// from the task that replays them.
    /// </summary>
    private sealed class WorkflowOutbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            InjectTaskContext(input.Headers);
            return base.ScheduleActivityAsync(input);
        }

        public override Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            InjectTaskContext(input.Headers);
            return base.StartChildWorkflowAsync(input);
        }

        public override Task SignalExternalWorkflowAsync(SignalExternalWorkflowInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            InjectTaskContext(input.Headers);
            return base.SignalExternalWorkflowAsync(input);
        }

        public override void ContinueAsNew(ContinueAsNewInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            InjectTaskContext(input.Headers);
            base.ContinueAsNew(input);
        }

        private static void InjectTaskContext(IDictionary<string, string> headers)
        {
            // The span context is the worker's, set per decision task; workflow code resumes on continuations from
            // earlier tasks, so Activity.Current would name a span that already ended.
            if (!Workflow.IsReplaying && TaskScheduler.Current is WorkflowInstance instance)
            {
                SwfTraceContext.Inject(instance.TaskSpanContext, headers);
            }
        }
    }
}
