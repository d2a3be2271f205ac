using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Swf.Client.Signing;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Signing;

/// <summary>
/// Proves that <see cref="SigV4Signer"/> signs exactly as botocore's <c>SigV4Auth</c> does: live against
/// the machine's botocore when it is installed, and always against vectors botocore produced once
/// (<c>sigv4-vectors.json</c>; <c>UPDATE_BASELINES=1</c> rewrites them from botocore).
/// </summary>
public class SigV4SignerTests
{
    private const string VectorsFile = "sigv4-vectors.json";
    private const string JsonContentType = "application/x-amz-json-1.0";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    // botocore signs each case with its clock frozen at the case's time. Newer botocore reads the
    // time through botocore.auth.get_current_datetime, older through botocore.auth.datetime.
    private const string BotocoreScript = """
        import datetime, json, sys
        from unittest import mock
        import botocore.auth
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        def frozen_clock(fixed):
            if hasattr(botocore.auth, 'get_current_datetime'):
                return mock.patch.object(botocore.auth, 'get_current_datetime', return_value=fixed)
            # Older botocore calls datetime.datetime.utcnow(); its own tests patch it the same way.
            fake = mock.Mock(wraps=datetime)
            fake.datetime = mock.Mock(wraps=datetime.datetime)
            fake.datetime.utcnow.return_value = fixed
            return mock.patch.object(botocore.auth, 'datetime', fake)

        def sign(case):
            fixed = datetime.datetime.strptime(case['time'], '%Y%m%dT%H%M%SZ')
            request = AWSRequest(method='POST', url=case['url'], data=case['body'].encode('utf-8'),
                                 headers={name: value for name, value in case['headers']})
            auth = SigV4Auth(Credentials(case['accessKey'], case['secretKey'], case['sessionToken']), 'swf', case['region'])
            with frozen_clock(fixed):
                auth.add_auth(request)
            authorization = request.headers['Authorization']
            del request.headers['Authorization']
            canonical = auth.canonical_request(request)
            string_to_sign = auth.string_to_sign(request, canonical)
            assert authorization.endswith('Signature=' + auth.signature(string_to_sign, request))
            return {'canonicalRequest': canonical, 'stringToSign': string_to_sign, 'authorization': authorization,
                    'amzDate': request.headers['X-Amz-Date'], 'securityToken': request.headers.get('X-Amz-Security-Token')}

        cases = json.load(sys.stdin)
        json.dump([dict(case, expected=sign(case)) for case in cases], sys.stdout)
        """;

    // Relaxed escaping keeps the vectors file readable; it is test data, never HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    private static IReadOnlyList<SigningCase> Cases { get; } =
    [
        Case("ListDomains, us-east-1", "https://swf.us-east-1.amazonaws.com/", "us-east-1", "ListDomains",
            """{"registrationStatus":"REGISTERED"}""", null, "20150830T123600Z"),
        Case("PollForDecisionTask, eu-west-1, session token", "https://swf.eu-west-1.amazonaws.com/", "eu-west-1", "PollForDecisionTask",
            """{"domain":"orders","taskList":{"name":"deciders"},"identity":"host-1","maximumPageSize":100}""",
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
            "20150830T123600Z"),
        Case("StartWorkflowExecution, non-default port, non-ASCII input", "http://127.0.0.1:5055", "us-east-1", "StartWorkflowExecution",
            """{"domain":"d","workflowId":"w-ü-1","workflowType":{"name":"Order","version":"1"},"input":"{\"note\":\"café ☕\"}"}""",
            null, "20240229T000000Z"),
        Case("RespondDecisionTaskCompleted, eu-west-1, non-default port", "http://localhost:5055/", "eu-west-1", "RespondDecisionTaskCompleted",
            """{"taskToken":"AAAA","decisions":[{"decisionType":"StartTimer","startTimerDecisionAttributes":{"timerId":"t1","startToFireTimeout":"30"}}]}""",
            "session-token", "20231231T235959Z"),
        Case("CountPendingDecisionTasks, empty body", "https://swf.us-east-1.amazonaws.com/", "us-east-1", "CountPendingDecisionTasks",
            "{}", null, "20200101T010203Z"),
        Case("ListDomains, explicit default port and upper-case host", "https://SWF.EU-WEST-1.amazonaws.com:443/", "eu-west-1", "ListDomains",
            """{"registrationStatus":"DEPRECATED"}""", null, "20150830T123600Z"),
        Case("ListDomains, IPv6 endpoint", "http://[::1]:5055/", "us-east-1", "ListDomains",
            """{"registrationStatus":"REGISTERED"}""", null, "20150830T123600Z"),
        Case("ListDomains, empty session token", "https://swf.us-east-1.amazonaws.com/", "us-east-1", "ListDomains",
            """{"registrationStatus":"REGISTERED"}""", string.Empty, "20150830T123600Z"),
        new SigningCase(
            "header values with extra spaces and tabs", "https://swf.eu-west-1.amazonaws.com/", "eu-west-1",
            [
                ["Content-Type", "  application/x-amz-json-1.0  "],
                ["X-Amz-Target", "SimpleWorkflowService.ListDomains   "],
                ["X-Custom-Spacing", "  two  words\tand   a\t\ttab  "],
            ],
            """{"registrationStatus":"REGISTERED"}""", "AKIDEXAMPLE", SecretKey, "token  with  spaces", "20150830T123600Z"),
    ];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Sign_CheckedInBotocoreVector_GivesBotocoresStrings(string name)
    {
        var vector = LoadVectors().SingleOrDefault(v => v.Name == name);
        Assert.True(vector is not null, $"{VectorsFile} has no vector '{name}'; run the tests with UPDATE_BASELINES=1 and python3 with botocore.");
        Assert.True(
            Cases.Single(c => c.Name == name) == vector with { Expected = null },
            $"The case '{name}' changed since {VectorsFile} was written; run the tests with UPDATE_BASELINES=1 and python3 with botocore.");

        AssertSignedLike(vector.Expected!, Sign(vector));
    }

    [SkippableFact]
    public async Task Sign_EveryCase_GivesWhatBotocoreGivesLive()
    {
        var (directory, reason) = await Python.FindSwfModelDirectoryAsync();
        Skip.If(directory is null, reason);
        var result = await Python.RunAsync(BotocoreScript, JsonSerializer.Serialize(Cases, Json));
        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, $"The botocore script failed: {result.StandardError}");
        var signed = JsonSerializer.Deserialize<List<SigningCase>>(result.StandardOutput, Json)!;

        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            var fresh = JsonSerializer.Serialize(signed, Json).ReplaceLineEndings("\n") + "\n";
            await File.WriteAllTextAsync(Path.Combine(SourceDirectory(), VectorsFile), fresh);
        }

        foreach (var botocore in signed)
        {
            AssertSignedLike(botocore.Expected!, Sign(botocore));
        }

        Assert.True(
            LoadVectors().SequenceEqual(signed),
            $"{VectorsFile} is stale: botocore now signs the cases differently, or the cases changed. Run the tests with UPDATE_BASELINES=1 to rewrite it.");
    }

    [Fact]
    public void Sign_UnspecifiedKindTime_IsReadAsUtc()
    {
        var request = SigV4Request.Post(new Uri("https://swf.us-east-1.amazonaws.com/"), [], "{}"u8.ToArray(), "us-east-1", "swf");
        var credentials = new SigV4Credentials("AKIDEXAMPLE", SecretKey, null);

        var unspecified = SigV4Signer.Sign(request, credentials, new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Unspecified));
        var utc = SigV4Signer.Sign(request, credentials, new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        Assert.Equal(utc.Authorization, unspecified.Authorization);
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Date", "20150830T123600Z"), unspecified.HeadersToAdd);
    }

    [Fact]
    public void Sign_SessionCredentials_AddsTokenHeaderAndSignsIt()
    {
        var request = SigV4Request.Post(new Uri("https://swf.us-east-1.amazonaws.com/"), [new("X-Amz-Target", "SimpleWorkflowService.ListDomains")], "{}"u8.ToArray(), "us-east-1", "swf");

        var signature = SigV4Signer.Sign(request, new SigV4Credentials("AKIDEXAMPLE", SecretKey, "the-token"), new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        Assert.Equal(["X-Amz-Date", "X-Amz-Security-Token", "Authorization"], signature.HeadersToAdd.Select(h => h.Key));
        Assert.Contains("x-amz-security-token:the-token\n", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target,", signature.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_RepeatedHeader_SignsItOnceWithValuesJoinedByCommas()
    {
        // botocore joins repeated headers (HTTPHeaders.get_all) the same way.
        var request = SigV4Request.Post(new Uri("https://swf.us-east-1.amazonaws.com/"), [new("X-Amz-Meta", " a "), new("x-amz-meta", "b  c")], "{}"u8.ToArray(), "us-east-1", "swf");

        var signature = SigV4Signer.Sign(request, new SigV4Credentials("AKIDEXAMPLE", SecretKey, null), new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        Assert.Contains("\nx-amz-meta:a,b c\n", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-meta,", signature.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_SecretDayOrRegionChangesBetweenCalls_EachSignatureUsesTheKeyDerivedForIt()
    {
        // The signer keeps the last derived key; each call must still sign with the key of its own secret, day and region.
        (string Secret, int Day, string Region)[] calls =
            [(SecretKey, 30, "us-east-1"), ("another-secret", 30, "us-east-1"), (SecretKey, 31, "us-east-1"), (SecretKey, 31, "eu-west-1"), (SecretKey, 30, "us-east-1")];
        foreach (var (secret, day, region) in calls)
        {
            var request = SigV4Request.Post(new Uri("https://swf.us-east-1.amazonaws.com/"), [], "{}"u8.ToArray(), region, "swf");

            var signature = SigV4Signer.Sign(request, new SigV4Credentials("AKIDEXAMPLE", secret, null), new DateTime(2015, 8, day, 12, 36, 0, DateTimeKind.Utc));

            var date = string.Create(CultureInfo.InvariantCulture, $"201508{day}");
            Assert.EndsWith("Signature=" + SignatureOf(signature.StringToSign, secret, date, region), signature.Authorization, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToString_CredentialsAndSignature_HideSecrets()
    {
        var credentials = new SigV4Credentials("AKIDEXAMPLE", SecretKey, "the-token");
        var request = SigV4Request.Post(new Uri("https://swf.us-east-1.amazonaws.com/"), [], "{}"u8.ToArray(), "us-east-1", "swf");
        var signature = SigV4Signer.Sign(request, credentials, new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        var shown = credentials + " " + signature;

        Assert.DoesNotContain(SecretKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("the-token", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(signature.Authorization[^64..], shown, StringComparison.Ordinal);
        Assert.Contains("AKIDEXAMPLE", shown, StringComparison.Ordinal);
    }

    // SigV4's key derivation and signature, written out here independently of the signer.
    private static string SignatureOf(string stringToSign, string secret, string date, string region)
    {
        var key = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        foreach (var part in new[] { region, "swf", "aws4_request" })
        {
            key = System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static SigningCase Case(string name, string url, string region, string operation, string body, string? sessionToken, string time) =>
        new(name, url, region, [["Content-Type", JsonContentType], ["X-Amz-Target", "SimpleWorkflowService." + operation]], body, "AKIDEXAMPLE", SecretKey, sessionToken, time);

    private static SigV4Signature Sign(SigningCase signingCase)
    {
        var request = SigV4Request.Post(
            new Uri(signingCase.Url),
            signingCase.Headers.Select(h => new KeyValuePair<string, string>(h[0], h[1])).ToList(),
            Encoding.UTF8.GetBytes(signingCase.Body),
            signingCase.Region,
            "swf");
        var time = DateTime.ParseExact(signingCase.Time, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return SigV4Signer.Sign(request, new SigV4Credentials(signingCase.AccessKey, signingCase.SecretKey, signingCase.SessionToken), time);
    }

    private static void AssertSignedLike(Expectation expected, SigV4Signature actual)
    {
        Assert.Equal(expected.CanonicalRequest, actual.CanonicalRequest);
        Assert.Equal(expected.StringToSign, actual.StringToSign);
        Assert.Equal(expected.Authorization, actual.Authorization);
        var added = actual.HeadersToAdd.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal(expected.AmzDate, added["X-Amz-Date"]);
        Assert.Equal(expected.SecurityToken, added.GetValueOrDefault("X-Amz-Security-Token"));
        Assert.Equal(expected.Authorization, added["Authorization"]);
    }

    private static List<SigningCase> LoadVectors() =>
        JsonSerializer.Deserialize<List<SigningCase>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Client", "Signing", VectorsFile)), Json)!;

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>One request to sign, as botocore and the vectors file see it.</summary>
    private sealed record SigningCase(
        string Name,
        string Url,
        string Region,
        IReadOnlyList<string[]> Headers,
        string Body,
        string AccessKey,
        string SecretKey,
        string? SessionToken,
        string Time,
        Expectation? Expected = null)
    {
        public bool Equals(SigningCase? other) =>
            other is not null && Name == other.Name && Url == other.Url && Region == other.Region && Body == other.Body
            && AccessKey == other.AccessKey && SecretKey == other.SecretKey && SessionToken == other.SessionToken && Time == other.Time
            && Headers.Count == other.Headers.Count && Headers.Zip(other.Headers).All(p => p.First.SequenceEqual(p.Second))
            && Equals(Expected, other.Expected);

        public override int GetHashCode() => HashCode.Combine(Name, Url, Time);
    }

    /// <summary>What botocore computed for a case.</summary>
    private sealed record Expectation(string CanonicalRequest, string StringToSign, string Authorization, string AmzDate, string? SecurityToken);
}
