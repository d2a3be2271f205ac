using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Workflows;

namespace Swf.Worker;

/// <summary>
/// Replays what ran in production: lists a domain's closed executions of the given workflow types, downloads each
/// history and replays it, as its real execution, against the code. A test that runs this against the
/// production domain proves that deploying the code would not break executions like those that ran.
/// </summary>
/// <remarks>
/// It calls <c>DescribeDomain</c> (for the retention period), <c>ListClosedWorkflowExecutions</c> (once per workflow
/// type and page, with a <c>typeFilter</c> and a <c>closeTimeFilter</c> or <c>startTimeFilter</c>) and
/// <c>GetWorkflowExecutionHistory</c> (every page of each execution), retrying throttled calls with backoff.
/// </remarks>
public static partial class ProductionReplayer
{
    /// <summary>Replays the closed executions and returns every outcome, the most recently closed (or started) first.</summary>
    /// <param name="client">The SWF client: the wire client pointed at AWS, or any other <see cref="ISwfClient"/>.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="definitions">The workflow definitions; their types are the types listed.</param>
    /// <param name="options">Which executions, how many at once, and the payload converter.</param>
    /// <param name="cancellationToken">Stops the listing, the downloads and the replays.</param>
    /// <returns>One outcome per execution, for <see cref="WorkflowReplayer.ThrowIfAnyFailed"/>; a history that could not be downloaded is an outcome too.</returns>
    /// <exception cref="ArgumentException">The options are not valid, or a workflow type filter matches no definition.</exception>
    /// <exception cref="SwfException">SWF refused <c>DescribeDomain</c> or <c>ListClosedWorkflowExecutions</c> (after retries).</exception>
    public static async Task<IReadOnlyList<ReplayResult>> ReplayClosedAsync(
        ISwfClient client,
        string domain,
        IEnumerable<WorkflowDefinition> definitions,
        ProductionReplayOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<(long Order, ReplayResult Result)>();
        await foreach (var item in RunAsync(client, domain, definitions, options ?? new ProductionReplayOptions(), cancellationToken).ConfigureAwait(false))
        {
            results.Add(item);
        }

        return [.. results.OrderBy(r => r.Order).Select(r => r.Result)];
    }

    /// <summary>Replays the closed executions and yields each outcome as soon as it is known (so in no fixed order).</summary>
    /// <param name="client">The SWF client.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="definitions">The workflow definitions; their types are the types listed.</param>
    /// <param name="options">Which executions, how many at once, and the payload converter.</param>
    /// <param name="cancellationToken">Stops the listing, the downloads and the replays.</param>
    /// <returns>One outcome per execution.</returns>
    /// <exception cref="ArgumentException">The options are not valid, or a workflow type filter matches no definition.</exception>
    /// <exception cref="SwfException">SWF refused <c>DescribeDomain</c> or <c>ListClosedWorkflowExecutions</c> (after retries).</exception>
    public static async IAsyncEnumerable<ReplayResult> StreamClosedAsync(
        ISwfClient client,
        string domain,
        IEnumerable<WorkflowDefinition> definitions,
        ProductionReplayOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, result) in RunAsync(client, domain, definitions, options ?? new ProductionReplayOptions(), cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    private static async IAsyncEnumerable<(long Order, ReplayResult Result)> RunAsync(
        ISwfClient client,
        string domain,
        IEnumerable<WorkflowDefinition> definitions,
        ProductionReplayOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentNullException.ThrowIfNull(definitions);
        IReadOnlyList<WorkflowDefinition> known = [.. definitions];
        var run = new Run(client, domain, known, options);
        var types = run.SelectTypes();
        var window = await run.ResolveWindowAsync(cancellationToken).ConfigureAwait(false);
        if (window is null)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateUnbounded<(long, ReplayResult)>(new UnboundedChannelOptions { SingleReader = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        run.ListAsync(types, window, stop.Token),
                        new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = stop.Token },
                        async (item, token) => await results.Writer.WriteAsync((item.Order, await run.ReplayAsync(item.Info, token).ConfigureAwait(false)), token).ConfigureAwait(false))
                        .ConfigureAwait(false);
                    results.Writer.Complete();
                }
                catch (Exception ex)
                {
                    results.Writer.Complete(ex);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var item in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            // The caller may stop reading early: stop the listing and the replays still under way with it.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Replaying the executions of domain {Domain} {Filter} since {Since:u} (the domain has a {RetentionDays}-day retention period)")]
    private static partial void LogWindow(ILogger logger, string domain, string filter, DateTimeOffset since, int retentionDays);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Domain {Domain} has a {RetentionDays}-day retention period: replaying the executions closed since {Since:u}, not since {Asked:u}")]
    private static partial void LogClamped(ILogger logger, string domain, int retentionDays, DateTimeOffset since, DateTimeOffset asked);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Domain {Domain} has a {RetentionDays}-day retention period: executions started since {Asked:u} that closed before {RetentionStart:u} are gone")]
    private static partial void LogStartedBeforeRetention(ILogger logger, string domain, int retentionDays, DateTimeOffset asked, DateTimeOffset retentionStart);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Domain {Domain} keeps no closed executions (retention {Retention}): there is nothing to replay")]
    private static partial void LogNothingKept(ILogger logger, string domain, string retention);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Stopping at the most executions asked for ({Count}); older ones are not replayed")]
    private static partial void LogLimitReached(ILogger logger, int count);

    [LoggerMessage(EventId = 305, Level = LogLevel.Debug, Message = "SWF answered {Operation} with {ErrorCode} (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string operation, string errorCode, int attempt, TimeSpan delay);
}
