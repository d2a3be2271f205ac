namespace Swf.Client.Signing;

/// <summary>The keys a request is signed with.</summary>
/// <param name="AccessKey">The access key id.</param>
/// <param name="SecretKey">The secret access key; never logged or shown.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
public sealed record SigV4Credentials(string AccessKey, string SecretKey, string? SessionToken)
{
    /// <summary>Shows the access key only, so that the secret never reaches a log.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"SigV4Credentials {{ AccessKey = {AccessKey}, SecretKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
