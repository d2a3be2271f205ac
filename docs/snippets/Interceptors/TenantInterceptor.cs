using Microsoft.Extensions.Logging;
using Swf.Client;
using Swf.Interceptors;
using Swf.Workflows;

namespace Docs.Snippets.Interceptors;

#region tenant
// Puts the caller's tenant on every start, carries it from each run to what the
// run schedules (activities, children, the next run after continue-as-new) and
// logs it where the work happens. One class can implement all three points.
public sealed class TenantInterceptor(ILogger<TenantInterceptor> logger)
    : IClientInterceptor, IWorkflowInterceptor, IActivityInterceptor
{
    public const string Header = "tenant";

    // Set by the application around its client calls.
    public static AsyncLocal<string?> Current { get; } = new();

    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) =>
        new ClientSide(nextInterceptor);

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) =>
        new WorkflowSide(nextInterceptor);

    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) =>
        new ActivitySide(nextInterceptor, logger);

    private sealed class ClientSide(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
    {
        public override Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
        {
            if (Current.Value is { } tenant)
            {
                input.Headers[Header] = tenant;
            }

            return base.StartWorkflowAsync(input);
        }
    }

    // Runs on the workflow scheduler, replay included: no I/O, clocks or
    // randomness here; Workflow.Logger stays quiet during replay.
    private sealed class WorkflowSide(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        private string? _tenant;

        public override void Init(WorkflowOutboundInterceptor outbound) =>
            base.Init(new Outbound(outbound, this));

        public override Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            _tenant = input.Headers.TryGetValue(Header, out var tenant) ? tenant : null;
            Workflow.Logger.LogInformation("Run of {Workflow} for tenant {Tenant}", Workflow.Info.WorkflowType.Name, _tenant);
            return base.ExecuteWorkflowAsync(input);
        }

        private sealed class Outbound(WorkflowOutboundInterceptor next, WorkflowSide run) : WorkflowOutboundInterceptor(next)
        {
            public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
            {
                Stamp(input.Headers);
                return base.ScheduleActivityAsync(input);
            }

            public override Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input)
            {
                Stamp(input.Headers);
                return base.StartChildWorkflowAsync(input);
            }

            public override void ContinueAsNew(ContinueAsNewInput input)
            {
                Stamp(input.Headers);
                base.ContinueAsNew(input);
            }

            private void Stamp(IDictionary<string, string> headers)
            {
                if (run._tenant is { } tenant)
                {
                    headers[Header] = tenant;
                }
            }
        }
    }

    private sealed class ActivitySide(ActivityInboundInterceptor next, ILogger logger) : ActivityInboundInterceptor(next)
    {
        public override async Task<string?> ExecuteActivityAsync(ExecuteActivityInput input)
        {
            input.Headers.TryGetValue(Header, out var tenant);
            using var scope = logger.BeginScope(new Dictionary<string, object?> { [Header] = tenant });
            logger.LogInformation("Activity {Activity} for tenant {Tenant}", input.Context.ActivityType.Name, tenant);
            return await base.ExecuteActivityAsync(input);
        }
    }
}
#endregion
