namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>One malformed request, as sent over HTTP.</summary>
/// <param name="Operation">The operation whose request it started from.</param>
/// <param name="Description">What was done to the request, for the failure report.</param>
/// <param name="Body">The body, byte for byte.</param>
/// <param name="ContentType">The Content-Type header, or null for none.</param>
/// <param name="Target">The X-Amz-Target header, or null for none.</param>
/// <param name="Path">The request's path.</param>
/// <param name="MustReject">Whether SWF refuses every request like it, so a 200 is a defect too.</param>
internal sealed record FuzzCase(string Operation, string Description, byte[] Body, string? ContentType, string? Target, string Path, bool MustReject);
