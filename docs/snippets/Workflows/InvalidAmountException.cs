namespace Docs.Snippets.Workflows;

/// <summary>Thrown by the payment activity for an amount that no retry can fix.</summary>
public sealed class InvalidAmountException(string message) : Exception(message);
