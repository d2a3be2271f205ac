namespace OrderProcessing.Warehouse;

/// <summary>The warehouse has none of the item left: the order cannot ship.</summary>
public sealed class OutOfStockException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public OutOfStockException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    public OutOfStockException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public OutOfStockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
