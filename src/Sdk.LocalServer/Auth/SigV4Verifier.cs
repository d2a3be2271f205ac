using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Swf.Client.Signing;

namespace Swf.LocalServer.Auth;

/// <summary>
/// Checks a request's SigV4 signature the way AWS does: parses the <c>Authorization</c> header
/// (credential scope, signed headers, signature), recomputes the signature over the signed headers
/// and the body with <see cref="SigV4Signer"/> and the configured secret, and compares.
/// </summary>
internal sealed class SigV4Verifier(string accessKey, string secretKey)
{
    private const string InvalidSignature =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /// <summary>Returns null when the request is signed with the configured key, else the error to send.</summary>
    public AuthError? Verify(HttpRequest request, byte[] body)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return new AuthError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }

        if (!header.StartsWith(SigV4Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            return new AuthError("IncompleteSignatureException", $"Unsupported Authorization Type. Use {SigV4Signer.Algorithm}.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(SigV4Signer.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = equals < 0 ? (part, string.Empty) : (part[..equals], part[(equals + 1)..]);
            switch (key)
            {
                case "Credential":
                    credential = value;
                    break;
                case "SignedHeaders":
                    signedHeaders = value;
                    break;
                case "Signature":
                    signature = value;
                    break;
            }
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        var missing = new List<string>();
        if (string.IsNullOrEmpty(credential))
        {
            missing.Add("Authorization header requires 'Credential' parameter.");
        }

        if (string.IsNullOrEmpty(signature))
        {
            missing.Add("Authorization header requires 'Signature' parameter.");
        }

        if (string.IsNullOrEmpty(signedHeaders))
        {
            missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        }

        if (string.IsNullOrEmpty(amzDate))
        {
            missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (missing.Count > 0)
        {
            return new AuthError("IncompleteSignatureException", string.Join(' ', missing) + " Authorization=" + header);
        }

        var scope = credential!.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return new AuthError("IncompleteSignatureException", $"Credential should be scoped to a valid region, not '{(scope.Length > 2 ? scope[2] : string.Empty)}'. Authorization=" + header);
        }

        if (scope[0] != accessKey)
        {
            return new AuthError("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return new AuthError("IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        if (scope[1] != amzDate[..8])
        {
            return new AuthError("InvalidSignatureException", $"Credential should be scoped to a valid date, '{amzDate[..8]}', not '{scope[1]}'.");
        }

        if (scope[3] != "swf")
        {
            return new AuthError("InvalidSignatureException", "Credential should be scoped to correct service: 'swf'.");
        }

        var names = signedHeaders!.Split(';');
        if (!names.Contains("host", StringComparer.Ordinal))
        {
            return new AuthError("InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            if (name is "host" or "x-amz-date" or "x-amz-security-token")
            {
                continue;
            }

            var values = request.Headers[name];
            if (values.Count == 0)
            {
                headers.Add(new(name, string.Empty));
            }

            foreach (var value in values)
            {
                headers.Add(new(name, value ?? string.Empty));
            }
        }

        var sessionToken = names.Contains("x-amz-security-token", StringComparer.Ordinal) ? request.Headers["X-Amz-Security-Token"].ToString() : null;
        var expected = SigV4Signer.Sign(
            new SigV4Request(request.Method, request.Headers.Host.ToString(), string.IsNullOrEmpty(request.Path.Value) ? "/" : request.Path.Value, string.Empty, headers, body, scope[2], scope[3]),
            new SigV4Credentials(accessKey, secretKey, sessionToken),
            signedAt);
        var expectedSignature = expected.Authorization[(expected.Authorization.LastIndexOf('=') + 1)..];
        var expectedSignedHeaders = expected.Authorization.Split("SignedHeaders=")[1].Split(',')[0];
        var matches = expectedSignedHeaders == signedHeaders
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedSignature), Encoding.ASCII.GetBytes(signature!));
        return matches ? null : new AuthError("InvalidSignatureException", InvalidSignature);
    }
}

/// <summary>An authentication failure: the coral error code and its message.</summary>
/// <param name="Code">The error code, such as <c>InvalidSignatureException</c>.</param>
/// <param name="Message">The message.</param>
internal sealed record AuthError(string Code, string Message);
