namespace Swf.Exceptions;

/// <summary>Helpers for the failure details shown in exception messages.</summary>
internal static class FailureDetails
{
    /// <summary>Returns ": " and the start of the details, or nothing when there are none.</summary>
    /// <param name="details">The details.</param>
    /// <returns>The suffix.</returns>
    public static string MessageSuffix(string? details) =>
        string.IsNullOrEmpty(details) ? "." : $" ({(details.Length <= 300 ? details : details[..300] + "...")})";
}
