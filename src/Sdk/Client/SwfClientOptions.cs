using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Swf.Client;

/// <summary>
/// Settings of <see cref="SwfHttpClient"/>: where SWF is (a region or an explicit service URL such as
/// swf-local or moto), which credentials sign the calls, and how calls time out and are retried.
/// </summary>
public sealed class SwfClientOptions
{
    /// <summary>The signing name of SWF.</summary>
    public const string ServiceName = "swf";

    /// <summary>
    /// Gets or sets the AWS region, such as <c>us-east-1</c>. It picks the endpoint
    /// (<c>https://swf.&lt;region&gt;.amazonaws.com</c>) unless <see cref="ServiceUrl"/> is set, and it is the
    /// signing region. When neither is set, <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c> is used.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>Gets or sets an explicit endpoint, such as <c>http://127.0.0.1:5055</c> for swf-local or moto.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// Gets or sets the credentials. When null, <see cref="Profile"/> is used if set, else AWSSDK.Core's
    /// standard chain (environment, shared profile, SSO, container and instance roles). Temporary
    /// credentials are refreshed by AWSSDK.Core before they expire.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the name of a shared-config profile to take credentials from.</summary>
    public string? Profile { get; set; }

    /// <summary>Gets or sets how long an ordinary call may take, retries excluded.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a long poll may take; it must exceed SWF's 60 seconds.</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(70);

    /// <summary>Gets the retry settings.</summary>
    public SwfRetryOptions Retry { get; } = new();

    /// <summary>Gets or sets a value indicating whether requests are checked against SWF's constraints before they are sent.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>Gets or sets the logger for calls and retries. Secrets and signatures are never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Gets or sets the clock used to sign requests, time calls out and wait between retries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
