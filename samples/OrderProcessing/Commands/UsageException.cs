namespace OrderProcessing.Commands;

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public UsageException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
