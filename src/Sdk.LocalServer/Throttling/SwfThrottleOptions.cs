using System.Globalization;
using System.Text.Json;
using Swf.LocalServer.Protocol;
using Swf.Model;

namespace Swf.LocalServer.Throttling;

/// <summary>
/// swf-local's throttling (<c>--throttle</c>): SWF's token buckets, per API, per throttled decision and per
/// workflow execution. A call over its quota is answered with SWF's <c>ThrottlingException</c> (HTTP 400,
/// "Rate exceeded") and changes nothing. Every table starts with SWF's published numbers.
/// </summary>
/// <remarks>
/// Buckets start full and refill continuously by the engine's clock, so on a manual or skipping clock
/// (<see cref="SwfLocalServerOptions.Clock"/>) moving the clock refills them.
/// </remarks>
public sealed class SwfThrottleOptions
{
    /// <summary>
    /// Gets the account-level bucket of each API, by operation name (such as <c>StartWorkflowExecution</c>);
    /// an operation not in it is not throttled. Starts with SWF's "Throttling quotas for all Regions".
    /// </summary>
    public IDictionary<string, SwfThrottleQuota> Api { get; } = new Dictionary<string, SwfThrottleQuota>(SwfQuotas.Api, StringComparer.Ordinal);

    /// <summary>
    /// Gets the account-level bucket of each throttled decision type (such as <c>ScheduleActivityTask</c>),
    /// spent by the decisions of <c>RespondDecisionTaskCompleted</c>. Starts with SWF's "Decision quotas for all Regions".
    /// </summary>
    /// <remarks>
    /// SWF records a decision over its quota as failed (<c>ScheduleActivityTaskFailed</c> with
    /// <c>ACTIVITY_CREATION_RATE_EXCEEDED</c>, <c>StartTimerFailed</c> with <c>TIMER_CREATION_RATE_EXCEEDED</c>
    /// and so on) and accepts the rest of the batch. swf-local refuses the whole <c>RespondDecisionTaskCompleted</c>
    /// with <c>ThrottlingException</c> instead, so that a throttled call never changes state and the journal
    /// replays the same way whatever the buckets held; the decider's retry then sends the batch again.
    /// </remarks>
    public IDictionary<string, SwfThrottleQuota> Decisions { get; } = new Dictionary<string, SwfThrottleQuota>(SwfQuotas.Decisions, StringComparer.Ordinal);

    /// <summary>
    /// Gets the per-execution bucket of the APIs SWF also throttles per workflow (<c>GetWorkflowExecutionHistory</c>,
    /// <c>SignalWorkflowExecution</c>, <c>RequestCancelWorkflowExecution</c>, keyed by domain and workflow id;
    /// <c>RecordActivityTaskHeartbeat</c>, keyed by task token). Starts with SWF's "Workflow-level quotas".
    /// </summary>
    public IDictionary<string, SwfThrottleQuota> Workflow { get; } = new Dictionary<string, SwfThrottleQuota>(SwfQuotas.Workflow, StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the factor every bucket size and refill rate is multiplied by (<c>--throttle-scale</c>):
    /// 1 (the default) is SWF's numbers, 0.01 a hundredth of them, so that a test reaches them with a few calls.
    /// A scaled bucket holds at least one token.
    /// </summary>
    public double Scale { get; set; } = 1;

    /// <summary>
    /// Reads a throttling file (<c>--throttle-config</c>): SWF's quotas, changed by the file's entries. The file is
    /// JSON: <c>{"scale": 0.01, "api": {"StartWorkflowExecution": {"bucketSize": 10, "refillPerSecond": 1},
    /// "ListDomains": null}, "decisions": {...}, "workflow": {...}}</c>, every member optional; an entry sets that
    /// bucket, <c>null</c> stops throttling it.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not such JSON: the message says where.</exception>
    public static SwfThrottleOptions Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllBytes(path);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path} is not valid JSON: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Describes what is wrong with the settings, or returns null when they are usable.</summary>
    internal string? Check()
    {
        if (!(Scale > 0) || double.IsInfinity(Scale))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Scale must be a positive number; it is {Scale}");
        }

        return CheckTable("Api", Api, static name => SwfOperations.Find(name) is not null, "an SWF operation")
            ?? CheckTable("Decisions", Decisions, static name => DecisionType.KnownValues.Any(d => d.Value == name), "a decision type")
            ?? CheckTable("Workflow", Workflow, SwfQuotas.Workflow.ContainsKey, string.Join(", ", SwfQuotas.Workflow.Keys));
    }

    private static string? CheckTable(string table, IDictionary<string, SwfThrottleQuota> quotas, Func<string, bool> known, string expected)
    {
        foreach (var (name, quota) in quotas)
        {
            if (!known(name))
            {
                return $"{table}: '{name}' is not {expected}";
            }

            if (quota is null || !(quota.BucketSize > 0) || !(quota.RefillPerSecond >= 0) || double.IsInfinity(quota.BucketSize) || double.IsInfinity(quota.RefillPerSecond))
            {
                return $"{table}: '{name}' needs a bucket size above 0 and a refill rate of 0 or more";
            }
        }

        return null;
    }

    private static SwfThrottleOptions Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the file must hold a JSON object.");
        }

        var options = new SwfThrottleOptions();
        foreach (var member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case "scale":
                    options.Scale = member.Value.ValueKind == JsonValueKind.Number ? member.Value.GetDouble() : throw new FormatException("'scale' must be a number.");
                    break;
                case "api":
                    ReadTable(member, options.Api);
                    break;
                case "decisions":
                    ReadTable(member, options.Decisions);
                    break;
                case "workflow":
                    ReadTable(member, options.Workflow);
                    break;
                default:
                    throw new FormatException($"unknown member '{member.Name}'; the members are scale, api, decisions and workflow.");
            }
        }

        if (options.Check() is { } problem)
        {
            throw new FormatException(problem + ".");
        }

        return options;
    }

    private static void ReadTable(JsonProperty table, IDictionary<string, SwfThrottleQuota> quotas)
    {
        if (table.Value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"'{table.Name}' must be an object of buckets by name.");
        }

        foreach (var entry in table.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                quotas.Remove(entry.Name);
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Object
                || !entry.Value.TryGetProperty("bucketSize", out var size) || size.ValueKind != JsonValueKind.Number
                || !entry.Value.TryGetProperty("refillPerSecond", out var rate) || rate.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException($"'{table.Name}.{entry.Name}' must be null or {{\"bucketSize\": N, \"refillPerSecond\": N}}.");
            }

            quotas[entry.Name] = new SwfThrottleQuota(size.GetDouble(), rate.GetDouble());
        }
    }
}
