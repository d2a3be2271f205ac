using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalServer.Throttling;

/// <summary>
/// Applies <see cref="SwfThrottleOptions"/> to SWF requests before they reach the engine: a request takes a
/// token from its API's bucket, from its execution's bucket for the per-workflow quotas, and one per
/// throttled decision from the decision buckets, all or none. A request that cannot is refused with SWF's
/// <see cref="ThrottlingException"/> and takes nothing.
/// </summary>
/// <remarks>
/// A refused request never reaches the engine, so it changes nothing and is not journaled; the buckets
/// themselves are not journaled either, so a restart starts them full, as a quiet spell would.
/// </remarks>
internal sealed class RequestThrottle
{
    /// <summary>SWF's message for every throttled call.</summary>
    public const string Message = "Rate exceeded";

    // Per-execution buckets are made on demand; full ones are forgotten once there are this many.
    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly double _scale;
    private readonly Dictionary<string, SwfThrottleQuota> _workflowQuotas;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TokenBucket> _api = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Operation, string Key), TokenBucket> _workflow = [];

    /// <summary>Initializes a new instance of the <see cref="RequestThrottle"/> class.</summary>
    /// <param name="options">The quotas (copied: later changes to them are not seen).</param>
    /// <param name="clock">The clock buckets refill by: the engine's, so that a manual clock's moves refill them.</param>
    public RequestThrottle(SwfThrottleOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scale = options.Scale;
        _workflowQuotas = new Dictionary<string, SwfThrottleQuota>(options.Workflow, StringComparer.Ordinal);
        _clock = clock;
        var now = clock.GetUtcNow();
        foreach (var (name, quota) in options.Api)
        {
            _api[name] = new TokenBucket(quota, options.Scale, now);
        }

        foreach (var (name, quota) in options.Decisions)
        {
            _decisions[name] = new TokenBucket(quota, options.Scale, now);
        }
    }

    /// <summary>Takes the tokens a request needs, or refuses it.</summary>
    /// <param name="operation">The operation's name.</param>
    /// <param name="request">The request, read.</param>
    /// <exception cref="ThrottlingException">A bucket the request needs lacks the tokens.</exception>
    public void Admit(string operation, object request)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var api = _api.GetValueOrDefault(operation);
            var workflow = WorkflowBucket(operation, request, now);
            var decisions = request is RespondDecisionTaskCompletedRequest respond ? CountDecisions(respond) : null;

            if ((api is not null && !api.CanTake(1, now)) || (workflow is not null && !workflow.CanTake(1, now)))
            {
                throw new ThrottlingException(Message);
            }

            foreach (var (bucket, count) in decisions ?? [])
            {
                if (!bucket.CanTake(count, now))
                {
                    throw new ThrottlingException(Message);
                }
            }

            api?.Take(1);
            workflow?.Take(1);
            foreach (var (bucket, count) in decisions ?? [])
            {
                bucket.Take(count);
            }
        }
    }

    private List<(TokenBucket Bucket, int Count)>? CountDecisions(RespondDecisionTaskCompletedRequest request)
    {
        if (request.Decisions is not { Count: > 0 } || _decisions.Count == 0)
        {
            return null;
        }

        return [.. request.Decisions
            .Where(d => d is not null)
            .GroupBy(d => d.DecisionType?.Value ?? string.Empty, StringComparer.Ordinal)
            .Select(g => (Bucket: _decisions.GetValueOrDefault(g.Key), Count: g.Count()))
            .Where(t => t.Bucket is not null)
            .Select(t => (t.Bucket!, t.Count))];
    }

    private TokenBucket? WorkflowBucket(string operation, object request, DateTimeOffset now)
    {
        if (!_workflowQuotas.TryGetValue(operation, out var quota))
        {
            return null;
        }

        // The per-workflow quotas are keyed by what the request names: the execution, or the activity task's token
        // (a heartbeat names no execution; one task belongs to one execution, so this is never stricter than SWF).
        var key = request switch
        {
            GetWorkflowExecutionHistoryRequest r => r.Domain + "\n" + r.Execution?.WorkflowId,
            SignalWorkflowExecutionRequest r => r.Domain + "\n" + r.WorkflowId,
            RequestCancelWorkflowExecutionRequest r => r.Domain + "\n" + r.WorkflowId,
            RecordActivityTaskHeartbeatRequest r => r.TaskToken,
            _ => null,
        };
        if (key is null)
        {
            return null;
        }

        if (!_workflow.TryGetValue((operation, key), out var bucket))
        {
            if (_workflow.Count >= PruneAbove)
            {
                foreach (var full in _workflow.Where(p => p.Value.IsFull(now)).Select(p => p.Key).ToList())
                {
                    _workflow.Remove(full);
                }
            }

            bucket = new TokenBucket(quota, _scale, now);
            _workflow[(operation, key)] = bucket;
        }

        return bucket;
    }
}
