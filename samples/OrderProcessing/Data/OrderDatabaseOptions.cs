namespace OrderProcessing.Data;

/// <summary>Where the orders database is (section <c>Orders:Database</c>, or <c>--db</c>).</summary>
public sealed class OrderDatabaseOptions
{
    /// <summary>Gets or sets the SQLite file; shared by every worker process of a machine.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "swf-orders.db");
}
