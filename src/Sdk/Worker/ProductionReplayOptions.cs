using Microsoft.Extensions.Logging;
using Swf.Client;
using Swf.Converters;
using Swf.Model;

namespace Swf.Worker;

/// <summary>Settings of <see cref="ProductionReplayer"/>: which closed executions to replay, how fast, and how to ride through throttling.</summary>
public sealed class ProductionReplayOptions
{
    /// <summary>
    /// Gets or sets the oldest close time to replay (SWF's <c>closeTimeFilter</c>). It is moved up to the start of
    /// the domain's retention period when older, since SWF keeps nothing before it. When neither this nor
    /// <see cref="StartedAfter"/> is set, every closed execution the domain still keeps is replayed.
    /// </summary>
    public DateTimeOffset? ClosedAfter { get; set; }

    /// <summary>
    /// Gets or sets the oldest start time to replay (SWF's <c>startTimeFilter</c>), instead of <see cref="ClosedAfter"/>:
    /// SWF takes one time filter per call.
    /// </summary>
    public DateTimeOffset? StartedAfter { get; set; }

    /// <summary>
    /// Gets the workflow types to replay: a filter without a version takes every version of that name. Empty (the
    /// default) takes every type of the definitions. Each filter must match a definition.
    /// </summary>
    public IList<WorkflowTypeFilter> WorkflowTypes { get; } = [];

    /// <summary>Gets or sets the most executions to replay, the most recently closed (or started) first; null for all.</summary>
    public int? MaxExecutions { get; set; }

    /// <summary>Gets or sets how many histories are downloaded and replayed at once (at least 1).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the converter the workflows' payloads use (default: System.Text.Json with the SDK's own metadata).</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>Gets or sets the payload pipeline the histories were written with (codecs, claim check); null reads plain payloads only.</summary>
    public Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>
    /// Gets how calls that SWF throttles (or that fail with a server or network error) are retried, on top of any
    /// retries of the client itself: 8 attempts with full-jitter backoff from 1 second, capped at 20 seconds.
    /// </summary>
    public SwfRetryOptions Retry { get; } = new() { MaxAttempts = 8 };

    /// <summary>Gets or sets the clock that says what "now" is (for the retention period) and times the backoff.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where notes go: the window actually replayed, the domain's retention, retries.</summary>
    public ILogger? Logger { get; set; }
}
