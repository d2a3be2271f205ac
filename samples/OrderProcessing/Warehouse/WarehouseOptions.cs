namespace OrderProcessing.Warehouse;

/// <summary>How the sample's simulated warehouse behaves (section <c>Warehouse</c>).</summary>
public sealed class WarehouseOptions
{
    /// <summary>Gets or sets how long each shipping step (pick, pack, hand over) takes.</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets the SKUs the warehouse has none of.</summary>
    public IList<string> OutOfStock { get; } = ["SKU-SOLD-OUT"];
}
