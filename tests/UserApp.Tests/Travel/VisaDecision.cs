namespace UserApp.Tests.Travel;

/// <summary>The consulate's decision (a signal to the visa workflow).</summary>
public sealed record VisaDecision(bool Granted, string Officer);
