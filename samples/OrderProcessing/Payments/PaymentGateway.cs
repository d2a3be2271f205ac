using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderProcessing.Data;
using OrderProcessing.Orders;

namespace OrderProcessing.Payments;

/// <summary>
/// A simulated payment provider, deterministic so that the sample's runs and tests always end the same
/// way: net banking times out on an order's first attempt(s), cards are declined above a limit. Charges
/// are idempotent per order (the order id is the idempotency key, as real providers offer), so a charge
/// that is retried after a lost worker never charges twice.
/// </summary>
public sealed class PaymentGateway(OrderDatabase database, IOptions<PaymentGatewayOptions> options, ILogger<PaymentGateway> logger)
{
    private readonly PaymentGatewayOptions _options = options.Value;

    /// <summary>Charges an order.</summary>
    /// <param name="request">What to charge.</param>
    /// <returns>The receipt (the existing one when the order was already charged).</returns>
    /// <exception cref="TransientPaymentException">The provider timed out.</exception>
    /// <exception cref="PaymentDeclinedException">The provider declined the charge.</exception>
    public async Task<Receipt> ChargeAsync(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await database.FindChargeAsync(request.OrderId) is { } existing)
        {
            return existing;
        }

        var attempt = await database.CountChargeAttemptAsync(request.OrderId);
        if (request.Method == PaymentMethod.NetBanking && attempt <= _options.NetBankingTimeouts)
        {
            logger.LogWarning("Payments: the net banking gateway timed out charging order {OrderId} (attempt {Attempt})", request.OrderId, attempt);
            throw new TransientPaymentException($"the net banking gateway timed out (attempt {attempt})");
        }

        if (request.Method == PaymentMethod.Card && request.Amount > _options.CardLimit)
        {
            throw new PaymentDeclinedException(string.Create(CultureInfo.InvariantCulture, $"the card's limit is {_options.CardLimit}"));
        }

        return await database.AddChargeAsync(new Receipt(request.OrderId, "ch_" + request.OrderId, request.Amount, request.Method));
    }

    /// <summary>Refunds a charge (idempotent).</summary>
    /// <param name="receipt">The charge.</param>
    /// <returns>A task that completes when the refund is recorded.</returns>
    public Task RefundAsync(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return database.MarkRefundedAsync(receipt.OrderId);
    }
}
