using System.Runtime.CompilerServices;
using Swf.Client.Paging;
using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;

namespace Swf.Client;

/// <summary>One workflow execution, reached through a <see cref="WorkflowClient"/>.</summary>
public sealed class WorkflowHandle
{
    private readonly WorkflowClient _client;

    internal WorkflowHandle(WorkflowClient client, string workflowId, string? runId)
    {
        _client = client;
        WorkflowId = workflowId;
        RunId = runId;
    }

    /// <summary>Gets the workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run id, or null when the handle follows the open or latest run.</summary>
    public string? RunId { get; }

    private string Domain => _client.Options.Domain;

    private PayloadStoreContext StoreContext => new(Domain, WorkflowId, RunId);

    /// <summary>Sends a signal (<c>SignalWorkflowExecution</c>).</summary>
    /// <param name="signalName">The signal's name.</param>
    /// <param name="input">The encoded signal input, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SWF recorded the signal.</returns>
    /// <exception cref="UnknownResourceException">The execution is closed or does not exist.</exception>
    public Task SignalAsync(string signalName, string? input = null, CancellationToken cancellationToken = default) =>
        _client.Outbound.SignalWorkflowAsync(new SignalWorkflowInput(WorkflowId, RunId, signalName, cancellationToken) { Input = input });

    /// <summary>The signal itself, at the inward end of the client's interceptor chain.</summary>
    internal async Task SignalCoreAsync(SignalWorkflowInput signal)
    {
        var (signalName, input, cancellationToken) = (signal.SignalName, signal.Input, signal.CancellationToken);
        var call = $"SignalAsync({signalName}) input";
        PayloadTooLargeException.ThrowIfTooLarge(input, call, _client.Payloads.RawPayloadLimit);
        input = await _client.Payloads.EncodeAsync(input, WorkflowClientCalls.ReadOnly(signal.Headers), StoreContext, call, cancellationToken).ConfigureAwait(false);
        await _client.Swf.SignalWorkflowExecutionAsync(
            new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = WorkflowId, RunId = RunId, SignalName = signalName, Input = input },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the execution to cancel itself (<c>RequestCancelWorkflowExecution</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SWF recorded the request.</returns>
    public async Task RequestCancelAsync(CancellationToken cancellationToken = default) =>
        await _client.Swf.RequestCancelWorkflowExecutionAsync(
            new RequestCancelWorkflowExecutionRequest { Domain = Domain, WorkflowId = WorkflowId, RunId = RunId },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the execution at once (<c>TerminateWorkflowExecution</c>).</summary>
    /// <param name="reason">Why, recorded in history.</param>
    /// <param name="details">Details, recorded in history.</param>
    /// <param name="childPolicy">Overrides what happens to child executions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the execution is terminated.</returns>
    public async Task TerminateAsync(string? reason = null, string? details = null, ChildPolicy? childPolicy = null, CancellationToken cancellationToken = default)
    {
        details = await _client.Payloads.EncodeAsync(details, null, StoreContext, "TerminateAsync details", cancellationToken).ConfigureAwait(false);
        await _client.Swf.TerminateWorkflowExecutionAsync(
            new TerminateWorkflowExecutionRequest { Domain = Domain, WorkflowId = WorkflowId, RunId = RunId, Reason = reason, Details = details, ChildPolicy = childPolicy },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Describes the execution (<c>DescribeWorkflowExecution</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The execution's information, configuration and open counts.</returns>
    public async Task<WorkflowExecutionDetail> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var runId = RunId ?? await LatestRunIdAsync(cancellationToken).ConfigureAwait(false);
        var response = await _client.Swf.DescribeWorkflowExecutionAsync(
            new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = new WorkflowExecution { WorkflowId = WorkflowId, RunId = runId } },
            cancellationToken).ConfigureAwait(false);
        var detail = response.WorkflowExecutionDetail;
        detail.LatestExecutionContext = await _client.Payloads.DecodeAsync(detail.LatestExecutionContext, cancellationToken).ConfigureAwait(false);
        return detail;
    }

    /// <summary>
    /// Reads the execution context the run's deciders last sent (<c>DescribeWorkflowExecution.latestExecutionContext</c>),
    /// decoded by the client's payload pipeline: for executions of this SDK the JSON of their queries (see <see cref="GetQueryResultsAsync"/>);
    /// for executions another framework decides, whatever it wrote.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The context, or null when no decision task has sent one.</returns>
    public async Task<string?> GetExecutionContextAsync(CancellationToken cancellationToken = default) =>
        (await DescribeAsync(cancellationToken).ConfigureAwait(false)).LatestExecutionContext;

    /// <summary>
    /// Reads the values of the workflow's queries (<c>[Query]</c> members) from the execution context. They are as of the
    /// last completed decision task that sent a context (<see cref="WorkflowQueryResults.AsOf"/>), not live: events SWF
    /// recorded since are not reflected until the next decision task completes.
    /// </summary>
    /// <param name="followRuns">Whether a run that continued as new is followed to the newest run (the handle's run id is then a starting point).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values.</returns>
    /// <exception cref="WorkflowQueryException">No decision task has sent a context yet, or another framework wrote it.</exception>
    /// <exception cref="UnknownResourceException">There is no such execution.</exception>
    public Task<WorkflowQueryResults> GetQueryResultsAsync(bool followRuns = true, CancellationToken cancellationToken = default) =>
        _client.Outbound.QueryWorkflowAsync(new QueryWorkflowInput(WorkflowId, RunId, followRuns, cancellationToken));

    /// <summary>The query itself, at the inward end of the client's interceptor chain.</summary>
    internal async Task<WorkflowQueryResults> GetQueryResultsCoreAsync(bool followRuns, CancellationToken cancellationToken)
    {
        var runId = RunId ?? await LatestRunIdAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var execution = new WorkflowExecution { WorkflowId = WorkflowId, RunId = runId };
            var detail = (await _client.Swf.DescribeWorkflowExecutionAsync(
                new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = execution },
                cancellationToken).ConfigureAwait(false)).WorkflowExecutionDetail;
            if (followRuns && detail.ExecutionInfo.CloseStatus == CloseStatus.ContinuedAsNew
                && await LastEventAsync(execution, cancellationToken).ConfigureAwait(false) is { WorkflowExecutionContinuedAsNewEventAttributes: { } next })
            {
                runId = next.NewExecutionRunId;
                continue;
            }

            var context = await _client.Payloads.DecodeAsync(detail.LatestExecutionContext, cancellationToken).ConfigureAwait(false);
            return WorkflowQueryResults.Parse(context, WorkflowId, runId);
        }
    }

    /// <summary>Reads the execution's whole history, page by page.</summary>
    /// <param name="reverseOrder">Whether to read newest first.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<HistoryEvent> GetHistoryAsync(bool reverseOrder = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var runId = RunId ?? await LatestRunIdAsync(cancellationToken).ConfigureAwait(false);
        var request = new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = WorkflowId, RunId = runId },
            ReverseOrder = reverseOrder ? true : null,
        };
        await foreach (var page in _client.Swf.GetWorkflowExecutionHistoryPaginator(request).Responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await _client.Payloads.DecodeEventsAsync(page.History.Events, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.History.Events)
            {
                yield return e;
            }
        }
    }

    /// <summary>
    /// Waits until the execution closes and returns its encoded result; after continue-as-new it
    /// follows the new runs to the last one.
    /// </summary>
    /// <param name="followRuns">Whether to follow continue-as-new to the new run.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The encoded result.</returns>
    /// <exception cref="WorkflowExecutionException">The execution failed, was canceled or terminated, or timed out.</exception>
    public async Task<string?> GetResultAsync(bool followRuns = true, CancellationToken cancellationToken = default)
    {
        var runId = RunId ?? await LatestRunIdAsync(cancellationToken).ConfigureAwait(false);
        var interval = _client.Options.ResultPollInterval;
        while (true)
        {
            var execution = new WorkflowExecution { WorkflowId = WorkflowId, RunId = runId };
            var last = await LastEventAsync(execution, cancellationToken).ConfigureAwait(false);
            switch (last)
            {
                case { WorkflowExecutionCompletedEventAttributes: { } a }:
                    return a.Result;
                case { WorkflowExecutionFailedEventAttributes: { } a }:
                    throw new WorkflowFailedException(execution, a.Reason, a.Details);
                case { WorkflowExecutionCanceledEventAttributes: { } a }:
                    throw new WorkflowCanceledException(execution, a.Details);
                case { WorkflowExecutionTerminatedEventAttributes: { } a }:
                    throw new WorkflowTerminatedException(execution, a.Reason, a.Details, a.Cause);
                case { WorkflowExecutionTimedOutEventAttributes: not null }:
                    throw new WorkflowTimedOutException(execution);
                case { WorkflowExecutionContinuedAsNewEventAttributes: { } a } when followRuns:
                    runId = a.NewExecutionRunId;
                    interval = _client.Options.ResultPollInterval;
                    continue;
                case { WorkflowExecutionContinuedAsNewEventAttributes: { } a }:
                    return null;
                case var _ when _client.Options.WhileRunOpen is { } whileOpen:
                    await whileOpen(execution, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await Task.Delay(interval, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _client.Options.MaxResultPollInterval.Ticks));
                    break;
            }
        }
    }

    /// <summary>Waits for the result and decodes it.</summary>
    /// <typeparam name="TResult">The result's type.</typeparam>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The decoded result.</returns>
    public async Task<TResult?> GetResultAsync<TResult>(CancellationToken cancellationToken = default) =>
        _client.PayloadConverter.Deserialize<TResult>(await GetResultAsync(followRuns: true, cancellationToken).ConfigureAwait(false));

    private async Task<HistoryEvent?> LastEventAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        var page = await _client.Swf.GetWorkflowExecutionHistoryAsync(
            new GetWorkflowExecutionHistoryRequest { Domain = Domain, Execution = execution, ReverseOrder = true, MaximumPageSize = 1 },
            cancellationToken).ConfigureAwait(false);
        var last = page.History.Events.FirstOrDefault();
        if (last is not null)
        {
            await _client.Payloads.DecodeEventsAsync([last], cancellationToken).ConfigureAwait(false);
        }

        return last;
    }

    private async Task<string> LatestRunIdAsync(CancellationToken cancellationToken)
    {
        // The open run if there is one, else the most recently started closed run.
        var oldest = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch };
        var open = await _client.Swf.ListOpenWorkflowExecutionsAsync(
            new ListOpenWorkflowExecutionsRequest { Domain = Domain, StartTimeFilter = oldest, ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = WorkflowId }, MaximumPageSize = 1 },
            cancellationToken).ConfigureAwait(false);
        var info = open.WorkflowExecutionInfos.ExecutionInfos.FirstOrDefault();
        if (info is null)
        {
            var closed = await _client.Swf.ListClosedWorkflowExecutionsAsync(
                new ListClosedWorkflowExecutionsRequest { Domain = Domain, StartTimeFilter = oldest, ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = WorkflowId }, MaximumPageSize = 1 },
                cancellationToken).ConfigureAwait(false);
            info = closed.WorkflowExecutionInfos.ExecutionInfos.FirstOrDefault();
        }

        return info?.Execution.RunId ?? throw new UnknownResourceException($"No execution with workflow id {WorkflowId} in domain {Domain}.");
    }
}
