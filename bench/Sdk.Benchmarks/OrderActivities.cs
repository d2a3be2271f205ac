namespace Swf.Benchmarks;

/// <summary>The steps' implementation: each wraps its input, so the result proves the order they ran in.</summary>
public sealed class OrderActivities : IOrderActivities
{
    /// <inheritdoc/>
    public Task<string> ReserveAsync(string order) => Task.FromResult("reserved " + order);

    /// <inheritdoc/>
    public Task<string> ChargeAsync(string reservation) => Task.FromResult("charged " + reservation);

    /// <inheritdoc/>
    public Task<string> ShipAsync(string receipt) => Task.FromResult("shipped " + receipt);
}
