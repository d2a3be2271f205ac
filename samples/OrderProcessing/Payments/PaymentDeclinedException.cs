namespace OrderProcessing.Payments;

/// <summary>The payment provider refused the charge: trying again will not help.</summary>
public sealed class PaymentDeclinedException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public PaymentDeclinedException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    public PaymentDeclinedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public PaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
