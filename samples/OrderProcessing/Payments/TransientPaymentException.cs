namespace OrderProcessing.Payments;

/// <summary>The payment provider did not answer in time; trying again later may well work.</summary>
public sealed class TransientPaymentException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public TransientPaymentException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    public TransientPaymentException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public TransientPaymentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
