using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Swf.Client.Signing;

/// <summary>
/// AWS Signature Version 4 for SWF's JSON requests: <c>POST /</c> with no query string and every
/// header given signed. Pure: the caller supplies the time, so the result is reproducible.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The signing algorithm's name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Signs a request.</summary>
    /// <param name="request">What is signed.</param>
    /// <param name="credentials">The access key, secret key and optional session token.</param>
    /// <param name="utcNow">The signing time.</param>
    /// <returns>The signature's parts and the headers to add to the request.</returns>
    public static SigV4Signature Sign(SigV4Request request, SigV4Credentials credentials, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        // A time of unspecified kind is taken as UTC, as botocore does with naive datetimes.
        var utc = utcNow.Kind == DateTimeKind.Local ? utcNow.ToUniversalTime() : utcNow;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            // A repeated header is signed once, its values joined by commas in the order given.
            var lowerName = name.Trim().ToLowerInvariant();
            headers[lowerName] = headers.TryGetValue(lowerName, out var earlier) ? earlier + "," + NormalizeValue(value) : NormalizeValue(value);
        }

        headers["host"] = NormalizeValue(request.Host);
        headers["x-amz-date"] = amzDate;
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            headers["x-amz-security-token"] = NormalizeValue(credentials.SessionToken);
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(request.Path).Append('\n');
        canonical.Append(request.Query).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n');
        canonical.Append(signedHeaders).Append('\n');
        canonical.Append(Hex(SHA256.HashData(request.Body.Span)));
        var canonicalRequest = canonical.ToString();

        var scope = $"{date}/{request.Region}/{request.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Hmac(key, request.Region);
        key = Hmac(key, request.Service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        var authorization = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        var added = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            added.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        added.Add(new("Authorization", authorization));
        return new SigV4Signature(canonicalRequest, stringToSign, authorization, added);
    }

    private static string NormalizeValue(string value)
    {
        // SigV4's Trimall: drop leading and trailing whitespace and turn each inner run of it into
        // one space. Whitespace is what botocore's str.split() splits on, so tabs and line breaks
        // count too.
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Python's str.isspace() also counts the separators U+001C to U+001F, which .NET does not.
    private static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
