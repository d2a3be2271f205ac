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

    // The last key SigningKey derived; replaced whole, so a reader sees one consistent entry.
    private static DerivedKey? _signingKey;

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

        var headers = CanonicalHeaders(request, amzDate, credentials.SessionToken);
        var signedHeaders = string.Join(';', headers.Select(h => h.Key));
        var canonical = new StringBuilder(256);
        canonical.Append(request.Method).Append('\n');
        canonical.Append(request.Path).Append('\n');
        canonical.Append(request.Query).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n');
        canonical.Append(signedHeaders).Append('\n');
        canonical.Append(Sha256Hex(request.Body.Span));
        var canonicalRequest = canonical.ToString();

        var scope = $"{date}/{request.Region}/{request.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Sha256Hex(canonicalRequest)}";
        var signature = HmacHex(SigningKey(credentials.SecretKey, date, request.Region, request.Service), stringToSign);

        var authorization = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        var added = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            added.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        added.Add(new("Authorization", authorization));
        return new SigV4Signature(canonicalRequest, stringToSign, authorization, added);
    }

    // The header names in lower case, sorted by ordinal, each once (a repeated header's values joined by commas in
    // the order given), with host, x-amz-date and x-amz-security-token added.
    private static List<KeyValuePair<string, string>> CanonicalHeaders(SigV4Request request, string amzDate, string? sessionToken)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 3);
        foreach (var (name, value) in request.Headers)
        {
            Set(headers, name.Trim().ToLowerInvariant(), NormalizeValue(value), join: true);
        }

        Set(headers, "host", NormalizeValue(request.Host), join: false);
        Set(headers, "x-amz-date", amzDate, join: false);
        if (!string.IsNullOrEmpty(sessionToken))
        {
            Set(headers, "x-amz-security-token", NormalizeValue(sessionToken), join: false);
        }

        headers.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return headers;
    }

    private static void Set(List<KeyValuePair<string, string>> headers, string name, string value, bool join)
    {
        var index = headers.FindIndex(h => h.Key == name);
        if (index < 0)
        {
            headers.Add(new(name, value));
        }
        else
        {
            headers[index] = new(name, join ? headers[index].Value + "," + value : value);
        }
    }

    // The key derived from the secret for one day, region and service: the same for every request of that day,
    // so it is kept (one entry: a client signs for one secret, region and service) instead of four HMACs a request.
    private static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var cached = _signingKey;
        if (cached is not null && cached.Date == date && cached.Region == region && cached.Service == service && cached.SecretKey == secretKey)
        {
            return cached.Key;
        }

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        _signingKey = new DerivedKey(secretKey, date, region, service, key);
        return key;
    }

    private static string NormalizeValue(string value)
    {
        // Most values need no change: no whitespace at either end, and none inside but single spaces.
        if (IsNormalized(value))
        {
            return value;
        }

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

    private static bool IsNormalized(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsWhiteSpace(c) && (c != ' ' || i == 0 || i == value.Length - 1 || value[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    // Python's str.isspace() also counts the separators U+001C to U+001F, which .NET does not.
    private static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string HmacHex(byte[] key, string data)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data), hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    private sealed record DerivedKey(string SecretKey, string Date, string Region, string Service, byte[] Key);
}
