namespace UserApp.Tests.Travel;

/// <summary>The bank did not answer in time: worth another try.</summary>
public sealed class BankBusyException : Exception
{
    public BankBusyException()
    {
    }

    public BankBusyException(string message)
        : base(message)
    {
    }

    public BankBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
