namespace UserApp.Tests.Travel;

/// <summary>The bank refused the card: retrying does not help.</summary>
public sealed class CardDeclinedException : Exception
{
    public CardDeclinedException()
    {
    }

    public CardDeclinedException(string message)
        : base(message)
    {
    }

    public CardDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
