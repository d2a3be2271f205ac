namespace OrderProcessing.Data;

/// <summary>A row of the <c>charges</c> table: the simulated payment provider's ledger.</summary>
public sealed record ChargeRow(string OrderId, string ChargeId, decimal Amount, string Method, int Attempts, bool Refunded);
