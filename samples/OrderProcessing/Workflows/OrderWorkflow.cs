using Microsoft.Extensions.Logging;
using OrderProcessing.Activities;
using OrderProcessing.Orders;
using OrderProcessing.Payments;
using OrderProcessing.Warehouse;
using Swf.Exceptions;
using Swf.Workflows;

namespace OrderProcessing.Workflows;

/// <summary>
/// One order, from placement to the database: verify, wait for a person's approval (with a reminder and
/// a deadline), take the payment choice and charge it, ship, notify, record. A shipment that fails after
/// the charge is compensated by a refund.
/// </summary>
[Workflow(Version = "1", TaskList = "orders", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:10", ChildPolicy = "TERMINATE")]
public partial class OrderWorkflow
{
    // Every step retries on failures and timeouts (a worker that died), with exponential backoff.
    private readonly IOrderActivities _orders = Workflow.Activities<IOrderActivities>(
        new ActivityOptions { Retry = RetryPolicy.Exponential(maxAttempts: 5, initialInterval: TimeSpan.FromSeconds(1)) });

    // A declined payment is final; a transient failure (the gateway timed out) is retried.
    private readonly IOrderActivities _payments = Workflow.Activities<IOrderActivities>(new ActivityOptions
    {
        Retry = new RetryPolicy { MaximumAttempts = 4, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = { nameof(PaymentDeclinedException) } },
    });

    // Out of stock is final; anything else (a lost warehouse worker) is retried.
    private readonly IWarehouseActivities _warehouse = Workflow.Activities<IWarehouseActivities>(new ActivityOptions
    {
        Retry = new RetryPolicy { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = { nameof(OutOfStockException) } },
    });

    private Approval? _approval;
    private Approval? _rejection;
    private PaymentMethod? _payment;

    /// <summary>Runs the order.</summary>
    /// <param name="order">The order.</param>
    /// <returns>How it ended.</returns>
    [WorkflowRun]
    public async Task<OrderResult> RunAsync(Order order)
    {
        var log = Workflow.Logger;
        _payment ??= order.Payment;

        var verification = await _orders.VerifyOrderAsync(order);
        if (!verification.Ok)
        {
            return await FinishAsync(order, new(order.Id, OrderStatus.Rejected, "verification failed: " + verification.Problem));
        }

        var policy = order.Approval ?? ApprovalPolicy.Default;
        log.LogInformation("Order {OrderId}: waiting for approval (reminder after {RemindAfter}, deadline {Deadline})", order.Id, policy.RemindAfter, policy.Deadline);
        if (!await Workflow.WaitConditionAsync(Answered, policy.RemindAfter))
        {
            log.LogInformation("Order {OrderId}: reminder: still waiting for approval after {RemindAfter}", order.Id, policy.RemindAfter);
            if (!await Workflow.WaitConditionAsync(Answered, policy.Deadline - policy.RemindAfter))
            {
                log.LogInformation("Order {OrderId}: nobody approved it within {Deadline}: rejected", order.Id, policy.Deadline);
                return await FinishAsync(order, new(order.Id, OrderStatus.Rejected, $"no approval within {policy.Deadline}"));
            }
        }

        if (_approval is null)
        {
            log.LogInformation("Order {OrderId}: rejected by {By}", order.Id, _rejection!.By);
            return await FinishAsync(order, new(order.Id, OrderStatus.Rejected, $"rejected by {_rejection.By}: {_rejection.Comment ?? "no reason given"}"));
        }

        log.LogInformation("Order {OrderId}: approved by {By}", order.Id, _approval.By);
        if (_payment is null)
        {
            log.LogInformation("Order {OrderId}: waiting for the customer's payment choice", order.Id);
            if (!await Workflow.WaitConditionAsync(() => _payment is not null, policy.Deadline))
            {
                return await FinishAsync(order, new(order.Id, OrderStatus.Rejected, $"no payment method chosen within {policy.Deadline}"));
            }
        }

        Receipt receipt;
        try
        {
            receipt = await _payments.ChargePaymentAsync(new PaymentRequest(order.Id, order.Total, _payment!.Value));
        }
        catch (ActivityException ex)
        {
            log.LogInformation("Order {OrderId}: payment failed: {Reason}", order.Id, Reason(ex));
            return await FinishAsync(order, new(order.Id, OrderStatus.PaymentFailed, "payment failed: " + Reason(ex)));
        }

        log.LogInformation("Order {OrderId}: charged {Amount} by {Method} ({ChargeId})", order.Id, receipt.Amount, receipt.Method, receipt.ChargeId);

        Shipment shipment;
        try
        {
            shipment = await _warehouse.ShipOrderAsync(order, Workflow.CancellationToken);
        }
        catch (ActivityException ex)
        {
            // Compensation: the customer paid for something we cannot send.
            log.LogInformation("Order {OrderId}: shipping failed ({Reason}): refunding {ChargeId}", order.Id, Reason(ex), receipt.ChargeId);
            await _orders.RefundPaymentAsync(receipt);
            return await FinishAsync(order, new(order.Id, OrderStatus.Refunded, "shipping failed: " + Reason(ex), receipt.ChargeId));
        }

        await _orders.NotifyDeliveryAsync(order, shipment);
        return await FinishAsync(order, new(order.Id, OrderStatus.Delivered, $"delivered, paid by {receipt.Method}", receipt.ChargeId, shipment.TrackingNumber));
    }

    /// <summary>A person approves the order.</summary>
    /// <param name="approval">Who approved it.</param>
    /// <returns>A completed task.</returns>
    [Signal]
    public Task ApproveAsync(Approval approval)
    {
        _approval ??= _rejection is null ? approval : null;
        return Task.CompletedTask;
    }

    /// <summary>A person rejects the order.</summary>
    /// <param name="rejection">Who rejected it, and why.</param>
    /// <returns>A completed task.</returns>
    [Signal]
    public Task RejectAsync(Approval rejection)
    {
        _rejection ??= _approval is null ? rejection : null;
        return Task.CompletedTask;
    }

    /// <summary>The customer chooses how to pay (when the order did not say).</summary>
    /// <param name="method">The payment method.</param>
    /// <returns>A completed task.</returns>
    [Signal]
    public Task ChoosePaymentAsync(PaymentMethod method)
    {
        _payment = method;
        return Task.CompletedTask;
    }

    // "OutOfStockException: SKU-X is out of stock": the failure's exception type and message, as the SDK decodes
    // them from what the activity worker recorded. A canceled activity is not an ActivityException (it is an
    // OperationCanceledException), so cancelling the order is not mistaken for a failed payment or shipment: it
    // escapes, and the order ends canceled.
    private static string Reason(ActivityException exception) =>
        exception is ActivityFailedException failed ? failed.Failure.Summary : exception.GetType().Name;

    private bool Answered() => _approval is not null || _rejection is not null;

    private async Task<OrderResult> FinishAsync(Order order, OrderResult result)
    {
        await _orders.RecordOrderAsync(order with { Payment = _payment }, result);
        Workflow.Logger.LogInformation("Order {OrderId}: {Status}: {Detail}", order.Id, result.Status, result.Detail);
        return result;
    }
}
