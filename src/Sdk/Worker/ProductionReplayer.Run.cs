using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Workflows;

namespace Swf.Worker;

public static partial class ProductionReplayer
{
    /// <summary>The time filter of one run: by close or by start time, from a point.</summary>
    private sealed record Window(bool ByCloseTime, DateTimeOffset Since);

    /// <summary>One execution listed, with its place in the listing.</summary>
    private sealed record Listed(long Order, WorkflowExecutionInfo Info);

    /// <summary>One call of <see cref="ReplayClosedAsync"/>: its client, definitions and settings.</summary>
    private sealed class Run(ISwfClient client, string domain, IReadOnlyList<WorkflowDefinition> definitions, ProductionReplayOptions options)
    {
        private readonly ILogger _logger = options.Logger ?? NullLogger.Instance;
        private readonly IPayloadConverter _converter = options.PayloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default);

        /// <summary>The workflow types to list: those of the definitions that the filters take.</summary>
        public List<WorkflowType> SelectTypes()
        {
            if (options.MaxConcurrency < 1)
            {
                throw new ArgumentException($"{nameof(ProductionReplayOptions.MaxConcurrency)} must be at least 1; it is {options.MaxConcurrency}.", nameof(options));
            }

            if (options.MaxExecutions is < 1)
            {
                throw new ArgumentException($"{nameof(ProductionReplayOptions.MaxExecutions)} must be at least 1 when set; it is {options.MaxExecutions}.", nameof(options));
            }

            if (options.ClosedAfter is not null && options.StartedAfter is not null)
            {
                throw new ArgumentException(
                    $"Set {nameof(ProductionReplayOptions.ClosedAfter)} or {nameof(ProductionReplayOptions.StartedAfter)}, not both: SWF lists by one time filter at a time.", nameof(options));
            }

            var all = definitions.Select(d => d.WorkflowType).DistinctBy(t => (t.Name, t.Version)).ToList();
            if (options.WorkflowTypes.Count == 0)
            {
                return all;
            }

            var chosen = new List<WorkflowType>();
            foreach (var filter in options.WorkflowTypes)
            {
                var matches = all.Where(t => t.Name == filter.Name && (filter.Version is null || t.Version == filter.Version)).ToList();
                if (matches.Count == 0)
                {
                    throw new ArgumentException(
                        $"No workflow definition is of type {filter.Name}{(filter.Version is null ? string.Empty : "/" + filter.Version)}; the types are: {string.Join(", ", all.Select(t => $"{t.Name}/{t.Version}"))}.",
                        nameof(options));
                }

                chosen.AddRange(matches.Where(m => !chosen.Contains(m)));
            }

            return chosen;
        }

        /// <summary>Reads the domain's retention period and decides the time filter; null when the domain keeps nothing.</summary>
        public async Task<Window?> ResolveWindowAsync(CancellationToken cancellationToken)
        {
            var described = await CallAsync(
                "DescribeDomain",
                token => client.DescribeDomainAsync(new DescribeDomainRequest { Name = domain }, token),
                cancellationToken).ConfigureAwait(false);
            var retention = described.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays;
            if (!int.TryParse(retention, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || days <= 0)
            {
                LogNothingKept(_logger, domain, retention);
                return null;
            }

            var retentionStart = options.TimeProvider.GetUtcNow() - TimeSpan.FromDays(days);
            Window window;
            if (options.StartedAfter is { } started)
            {
                if (started < retentionStart)
                {
                    LogStartedBeforeRetention(_logger, domain, days, started, retentionStart);
                }

                window = new Window(ByCloseTime: false, started);
            }
            else if (options.ClosedAfter is { } closed && closed >= retentionStart)
            {
                window = new Window(ByCloseTime: true, closed);
            }
            else
            {
                if (options.ClosedAfter is { } asked)
                {
                    LogClamped(_logger, domain, days, retentionStart, asked);
                }

                window = new Window(ByCloseTime: true, retentionStart);
            }

            LogWindow(_logger, domain, window.ByCloseTime ? "closed" : "started", window.Since, days);
            return window;
        }

        /// <summary>
        /// Lists the closed executions of every type, merged newest first by the filter's time, up to the most asked
        /// for: each type's pages are fetched only as the merge reaches them.
        /// </summary>
        public async IAsyncEnumerable<Listed> ListAsync(List<WorkflowType> types, Window window, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var heads = new List<IAsyncEnumerator<WorkflowExecutionInfo>>();
            try
            {
                foreach (var type in types)
                {
                    var listing = ListTypeAsync(type, window, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    heads.Add(listing);
                    if (!await listing.MoveNextAsync().ConfigureAwait(false))
                    {
                        heads.Remove(listing);
                        await listing.DisposeAsync().ConfigureAwait(false);
                    }
                }

                long count = 0;
                while (heads.Count > 0)
                {
                    if (options.MaxExecutions is { } max && count >= max)
                    {
                        LogLimitReached(_logger, max);
                        yield break;
                    }

                    var next = heads.MaxBy(h => Key(h.Current, window))!;
                    yield return new Listed(count++, next.Current);
                    if (!await next.MoveNextAsync().ConfigureAwait(false))
                    {
                        heads.Remove(next);
                        await next.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                foreach (var head in heads)
                {
                    await head.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Downloads one execution's whole history and replays it as that execution.</summary>
        public async Task<ReplayResult> ReplayAsync(WorkflowExecutionInfo info, CancellationToken cancellationToken)
        {
            var execution = info.Execution;
            var source = $"{execution.WorkflowId} run {execution.RunId}";
            var events = new List<HistoryEvent>();
            try
            {
                string? token = null;
                do
                {
                    var request = new GetWorkflowExecutionHistoryRequest { Domain = domain, Execution = execution, NextPageToken = token };
                    var page = await CallAsync(
                        "GetWorkflowExecutionHistory",
                        t => client.GetWorkflowExecutionHistoryAsync(request, t),
                        cancellationToken).ConfigureAwait(false);
                    events.AddRange(page.History.Events);
                    token = NextToken(token, page.History.NextPageToken);
                }
                while (token is not null);
            }
            catch (SwfException ex)
            {
                return new ReplayResult(source, info.WorkflowType, ex) { Execution = execution };
            }

            // The replay is CPU work on this thread; the instance's scheduler requires the one thread that drives it.
            return WorkflowReplayer.ReplayToResult(source, events, definitions, domain, execution, _converter, options.PayloadPipeline);
        }

        private static DateTime Key(WorkflowExecutionInfo info, Window window) =>
            window.ByCloseTime ? info.CloseTimestamp ?? info.StartTimestamp : info.StartTimestamp;

        private static string? NextToken(string? sent, string? next)
        {
            if (string.IsNullOrEmpty(next))
            {
                return null;
            }

            return next == sent
                ? throw new InvalidOperationException("SWF returned the page token it was sent; paging stopped to avoid fetching the same page forever.")
                : next;
        }

        private async IAsyncEnumerable<WorkflowExecutionInfo> ListTypeAsync(WorkflowType type, Window window, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var filter = new ExecutionTimeFilter { OldestDate = window.Since.UtcDateTime };
            string? token = null;
            do
            {
                var request = new ListClosedWorkflowExecutionsRequest
                {
                    Domain = domain,
                    CloseTimeFilter = window.ByCloseTime ? filter : null,
                    StartTimeFilter = window.ByCloseTime ? null : filter,
                    TypeFilter = new WorkflowTypeFilter { Name = type.Name, Version = type.Version },
                    NextPageToken = token,

                    // A small limit needs no full pages.
                    MaximumPageSize = options.MaxExecutions is <= 1000 and { } max ? max : null,
                };
                var page = await CallAsync(
                    "ListClosedWorkflowExecutions",
                    t => client.ListClosedWorkflowExecutionsAsync(request, t),
                    cancellationToken).ConfigureAwait(false);
                foreach (var info in page.WorkflowExecutionInfos.ExecutionInfos)
                {
                    yield return info;
                }

                token = NextToken(token, page.WorkflowExecutionInfos.NextPageToken);
            }
            while (token is not null);
        }

        /// <summary>Calls SWF, retrying throttling and other retryable faults with full-jitter backoff.</summary>
        private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await call(cancellationToken).ConfigureAwait(false);
                }
                catch (SwfException ex) when (ex.IsRetryable && attempt < options.Retry.MaxAttempts)
                {
                    var delay = options.Retry.ComputeDelay(attempt, Random.Shared.NextDouble());
                    LogRetry(_logger, operation, ex.ErrorCode, attempt, delay);
                    await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
