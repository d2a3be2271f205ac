namespace Swf.Client.Signing;

/// <summary>A computed signature: its intermediate strings (for tests and diagnostics) and the headers to send.</summary>
/// <param name="CanonicalRequest">The canonical request.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Authorization">The <c>Authorization</c> header's value.</param>
/// <param name="HeadersToAdd">The headers to add to the request: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> and <c>Authorization</c>.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd)
{
    /// <summary>Hides the signature, so it never reaches a log.</summary>
    /// <returns>A description without the signature.</returns>
    public override string ToString() => "SigV4Signature { *** }";
}
