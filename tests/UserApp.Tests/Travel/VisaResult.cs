namespace UserApp.Tests.Travel;

/// <summary>How a visa application ended.</summary>
public sealed record VisaResult(bool Granted, string Detail);
