using System.Text.Json.Serialization;
using Swf.Activities;
using Swf.Workflows;

namespace Swf.Generators.Tests.Samples;

// Plain user code: the generator writes everything else.

public sealed record Order(string Id, decimal Total);

public sealed record Approval(bool Ok, string By);

public sealed record Receipt(string OrderId, decimal Amount, string ApprovedBy);

[Activities(TaskList = "payments", ScheduleToStartTimeout = "00:01:00", ScheduleToCloseTimeout = "00:10:00", StartToCloseTimeout = "00:05:00")]
public interface IPaymentActivities
{
    [Activity(HeartbeatTimeout = "00:00:30")]
    Task<Receipt> ChargeAsync(string orderId, decimal amount, string approvedBy, CancellationToken cancellationToken);

    Task AuditAsync(Order order);
}

public sealed class PaymentActivities : IPaymentActivities
{
    public List<string> Calls { get; } = [];

    public Task<Receipt> ChargeAsync(string orderId, decimal amount, string approvedBy, CancellationToken cancellationToken)
    {
        Calls.Add($"charge {orderId} {amount} {approvedBy}");
        return Task.FromResult(new Receipt(orderId, amount, approvedBy));
    }

    public Task AuditAsync(Order order)
    {
        Calls.Add($"audit {order.Id}");
        return Task.CompletedTask;
    }
}

[Workflow(Version = "1", TaskList = "orders", ExecutionStartToCloseTimeout = "1.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class OrderWorkflow
{
    private readonly IPaymentActivities _payments = Workflow.Activities<IPaymentActivities>(
        new ActivityOptions { Retry = RetryPolicy.Exponential(maxAttempts: 3) });

    private Approval? _approval;

    [WorkflowRun]
    public async Task<Receipt> RunAsync(Order order)
    {
        await _payments.AuditAsync(order);
        await Workflow.WaitConditionAsync(() => _approval is not null);
        if (!_approval!.Ok)
        {
            throw new InvalidOperationException($"order {order.Id} was rejected by {_approval.By}");
        }

        return await _payments.ChargeAsync(order.Id, order.Total, _approval.By, Workflow.CancellationToken);
    }

    [Signal]
    public Task ApproveAsync(Approval approval)
    {
        _approval = approval;
        return Task.CompletedTask;
    }
}

/// <summary>The payload types' source-generated JSON metadata, which keeps the sample free of reflection.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Approval))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(decimal))]
public sealed partial class SampleJsonContext : JsonSerializerContext
{
}
