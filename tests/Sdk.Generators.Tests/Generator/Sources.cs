namespace Swf.Generators.Tests.Generator;

/// <summary>
/// Sample user code the generator tests run over. The activities and the nested workflow leave registration
/// defaults unset on purpose (the baselines show what is emitted then), so they opt out of SWF1023.
/// </summary>
internal static class Sources
{
    public const string Orders = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Activities;
        using Swf.Workflows;

        namespace Shop;

        public sealed record Charge(string OrderId, decimal Amount);
        public sealed record Receipt(string Id);
        public sealed record Order(string Id, decimal Total);
        public sealed record Approval(bool Ok);

        [Activities(Version = "2", TaskList = "orders", StartToCloseTimeout = "00:05:00", DefaultsRegisteredElsewhere = true)]
        public interface IPaymentActivities
        {
            [Activity(HeartbeatTimeout = "00:00:30")]
            Task<Receipt> ChargeAsync(Charge charge, CancellationToken ct);

            Task RefundAsync(string orderId, decimal amount);

            Task<int> CountAsync();
        }

        [Workflow(TaskList = "orders", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE", TaskPriority = 3, Description = "Takes an order", DefaultLambdaRole = "arn:aws:iam::123456789012:role/swf-lambda")]
        public partial class OrderWorkflow
        {
            private readonly IPaymentActivities _payments = Workflow.Activities<IPaymentActivities>();
            private bool _approved;

            [WorkflowRun]
            public async Task<Receipt> RunAsync(Order order)
            {
                await Workflow.WaitConditionAsync(() => _approved);
                return await _payments.ChargeAsync(new(order.Id, order.Total), Workflow.CancellationToken);
            }

            [Signal]
            public Task ApproveAsync(Approval approval)
            {
                _approved = approval.Ok;
                return Task.CompletedTask;
            }

            [Signal("cancel-order")]
            public Task CancelAsync(string reason, int code) => Task.CompletedTask;

            [Query]
            public bool Approved => _approved;

            [Query("stage")]
            public string GetStage() => _approved ? "charging" : "awaiting approval";
        }
        """;

    public const string Nested = """
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Workflows;

        public static partial class Outer
        {
            [Workflow("ping", DefaultsRegisteredElsewhere = true)]
            internal sealed partial class PingWorkflow
            {
                [WorkflowRun]
                public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }
        """;
}
