using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Swf.Client.Signing;

namespace Swf.LocalServer.Auth;

/// <summary>
/// Checks a request's SigV4 signature the way AWS does: parses the <c>Authorization</c> header
/// (credential scope, signed headers, signature), refuses a request time more than 15 minutes from
/// the server's clock, recomputes the signature over the signed headers and the body with
/// <see cref="SigV4Signer"/> and the configured secret, and compares.
/// </summary>
/// <remarks>
/// Without the time check a signed request could be replayed for ever: one captured from a log, a
/// proxy or a shell history worked ten years later. The time is <c>X-Amz-Date</c>, or the
/// <c>Date</c> header when a request has no <c>X-Amz-Date</c>; a request dated only by <c>Date</c>
/// gets the same time check, but its signature is compared as if it had been signed with
/// <c>X-Amz-Date</c> (which every AWS SDK and the CLI send), so it does not match.
/// </remarks>
internal sealed class SigV4Verifier(string accessKey, string secretKey, TimeProvider time)
{
    /// <summary>How far a request's time may be from the server's clock, either way, as AWS allows.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";

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
        var date = request.Headers.Date.ToString();
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

        if (string.IsNullOrEmpty(amzDate) && string.IsNullOrEmpty(date))
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

        DateTime signedAt;
        if (string.IsNullOrEmpty(amzDate))
        {
            if (!DateTime.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out signedAt))
            {
                return new AuthError("IncompleteSignatureException", $"Date must be an RFC 1123 date, such as 'Tue, 01 Jan 2030 00:00:00 GMT'. Got '{date}'.");
            }

            amzDate = signedAt.ToString(BasicFormat, CultureInfo.InvariantCulture);
        }
        else if (!DateTime.TryParseExact(amzDate, BasicFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out signedAt))
        {
            return new AuthError("IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        if (CheckTime(signedAt) is { } expired)
        {
            return expired;
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

    /// <summary>Refuses a request time more than <see cref="AllowedSkew"/> from the server's clock, in AWS's words.</summary>
    private AuthError? CheckTime(DateTime signedAt)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var now0 = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        string Basic(DateTime at) => at.ToString(BasicFormat, CultureInfo.InvariantCulture);
        if (signedAt < now0 - AllowedSkew)
        {
            return new AuthError("InvalidSignatureException", $"Signature expired: {Basic(signedAt)} is now earlier than {Basic(now0 - AllowedSkew)} ({Basic(now0)} - 15 min.)");
        }

        if (signedAt > now0 + AllowedSkew)
        {
            return new AuthError("InvalidSignatureException", $"Signature not yet current: {Basic(signedAt)} is still later than {Basic(now0 + AllowedSkew)} ({Basic(now0)} + 15 min.)");
        }

        return null;
    }
}

/// <summary>An authentication failure: the coral error code and its message.</summary>
/// <param name="Code">The error code, such as <c>InvalidSignatureException</c>.</param>
/// <param name="Message">The message.</param>
internal sealed record AuthError(string Code, string Message);
