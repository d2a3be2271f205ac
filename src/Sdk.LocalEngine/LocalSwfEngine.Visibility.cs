using System.Globalization;
using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public Task<ListOpenWorkflowExecutionsResponse> ListOpenWorkflowExecutionsAsync(ListOpenWorkflowExecutionsRequest request, CancellationToken cancellationToken = default) =>
        Read(request, Validate, () =>
        {
            var matches = OpenMatches(GetDomain(request.Domain), request.StartTimeFilter, request.TypeFilter, request.TagFilter, request.ExecutionFilter);
            var page = PageExecutions(matches, byClose: false, "openExecutions", request.NextPageToken, request.MaximumPageSize, request.ReverseOrder == true);
            return new ListOpenWorkflowExecutionsResponse
            {
                WorkflowExecutionInfos = new WorkflowExecutionInfos { ExecutionInfos = [.. page.Items.Select(ToExecutionInfo)], NextPageToken = page.NextPageToken },
            };
        });

    /// <inheritdoc/>
    public Task<CountOpenWorkflowExecutionsResponse> CountOpenWorkflowExecutionsAsync(CountOpenWorkflowExecutionsRequest request, CancellationToken cancellationToken = default) =>
        Read(request, Validate, () =>
        {
            var count = OpenMatches(GetDomain(request.Domain), request.StartTimeFilter, request.TypeFilter, request.TagFilter, request.ExecutionFilter).Count();
            return new CountOpenWorkflowExecutionsResponse { WorkflowExecutionCount = new WorkflowExecutionCount { Count = count, Truncated = false } };
        });

    /// <inheritdoc/>
    public Task<ListClosedWorkflowExecutionsResponse> ListClosedWorkflowExecutionsAsync(ListClosedWorkflowExecutionsRequest request, CancellationToken cancellationToken = default) =>
        Read(request, Validate, () =>
        {
            var matches = ClosedMatches(
                GetDomain(request.Domain), request.StartTimeFilter, request.CloseTimeFilter, request.ExecutionFilter,
                request.CloseStatusFilter, request.TypeFilter, request.TagFilter);
            var page = PageExecutions(matches, byClose: request.CloseTimeFilter is not null, "closedExecutions", request.NextPageToken, request.MaximumPageSize, request.ReverseOrder == true);
            return new ListClosedWorkflowExecutionsResponse
            {
                WorkflowExecutionInfos = new WorkflowExecutionInfos { ExecutionInfos = [.. page.Items.Select(ToExecutionInfo)], NextPageToken = page.NextPageToken },
            };
        });

    /// <inheritdoc/>
    public Task<CountClosedWorkflowExecutionsResponse> CountClosedWorkflowExecutionsAsync(CountClosedWorkflowExecutionsRequest request, CancellationToken cancellationToken = default) =>
        Read(request, Validate, () =>
        {
            var count = ClosedMatches(
                GetDomain(request.Domain), request.StartTimeFilter, request.CloseTimeFilter, request.ExecutionFilter,
                request.CloseStatusFilter, request.TypeFilter, request.TagFilter).Count();
            return new CountClosedWorkflowExecutionsResponse { WorkflowExecutionCount = new WorkflowExecutionCount { Count = count, Truncated = false } };
        });

    /// <summary>Checks a listing of open runs: the model's constraints, then at most one filter besides the start time.</summary>
    private static void Validate(ListOpenWorkflowExecutionsRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RequireAtMostOne(("executionFilter", request.ExecutionFilter), ("typeFilter", request.TypeFilter), ("tagFilter", request.TagFilter));
    }

    /// <summary>Checks a count of open runs, as <see cref="Validate(ListOpenWorkflowExecutionsRequest)"/> checks a listing.</summary>
    private static void Validate(CountOpenWorkflowExecutionsRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RequireAtMostOne(("executionFilter", request.ExecutionFilter), ("typeFilter", request.TypeFilter), ("tagFilter", request.TagFilter));
    }

    /// <summary>Checks a listing of closed runs: the model's constraints, then exactly one time filter and at most one other.</summary>
    private static void Validate(ListClosedWorkflowExecutionsRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RequireClosedFilters(request.StartTimeFilter, request.CloseTimeFilter, request.ExecutionFilter, request.CloseStatusFilter, request.TypeFilter, request.TagFilter);
        EnumValues.ThrowIfUnknown(request.CloseStatusFilter?.Status, "closeStatusFilter.status");
    }

    /// <summary>Checks a count of closed runs, as <see cref="Validate(ListClosedWorkflowExecutionsRequest)"/> checks a listing.</summary>
    private static void Validate(CountClosedWorkflowExecutionsRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RequireClosedFilters(request.StartTimeFilter, request.CloseTimeFilter, request.ExecutionFilter, request.CloseStatusFilter, request.TypeFilter, request.TagFilter);
        EnumValues.ThrowIfUnknown(request.CloseStatusFilter?.Status, "closeStatusFilter.status");
    }

    private static IEnumerable<ExecutionState> OpenMatches(
        DomainState domain, ExecutionTimeFilter startTimeFilter, WorkflowTypeFilter? typeFilter, TagFilter? tagFilter, WorkflowExecutionFilter? executionFilter) =>
        domain.OpenByWorkflowId.Values.Where(e =>
            InRange(e.StartTimestamp, startTimeFilter) && MatchesType(e, typeFilter) && MatchesTag(e, tagFilter) && MatchesWorkflowId(e, executionFilter));

    private IEnumerable<ExecutionState> ClosedMatches(
        DomainState domain,
        ExecutionTimeFilter? startTimeFilter,
        ExecutionTimeFilter? closeTimeFilter,
        WorkflowExecutionFilter? executionFilter,
        CloseStatusFilter? closeStatusFilter,
        WorkflowTypeFilter? typeFilter,
        TagFilter? tagFilter)
    {
        PurgeExpired(domain);
        return domain.Executions.Values.Where(e =>
            !e.IsOpen
            && (startTimeFilter is null || InRange(e.StartTimestamp, startTimeFilter))
            && (closeTimeFilter is null || InRange(e.CloseTimestamp!.Value, closeTimeFilter))
            && MatchesWorkflowId(e, executionFilter)
            && (closeStatusFilter is null || e.CloseStatus == closeStatusFilter.Status)
            && MatchesType(e, typeFilter)
            && MatchesTag(e, tagFilter));
    }

    private static bool InRange(DateTime value, ExecutionTimeFilter filter) =>
        value >= filter.OldestDate.ToUniversalTime() && (filter.LatestDate is null || value <= filter.LatestDate.Value.ToUniversalTime());

    private static bool MatchesType(ExecutionState execution, WorkflowTypeFilter? filter) =>
        filter is null || (execution.WorkflowType.Name == filter.Name && (filter.Version is null || execution.WorkflowType.Version == filter.Version));

    private static bool MatchesTag(ExecutionState execution, TagFilter? filter) =>
        filter is null || execution.TagList.Contains(filter.Tag, StringComparer.Ordinal);

    private static bool MatchesWorkflowId(ExecutionState execution, WorkflowExecutionFilter? filter) =>
        filter is null || execution.WorkflowId == filter.WorkflowId;

    /// <summary>Pages executions newest first (reverseOrder: oldest first), by start time or by close time.</summary>
    private Page<ExecutionState> PageExecutions(IEnumerable<ExecutionState> executions, bool byClose, string kind, string? token, int? maximumPageSize, bool reverseOrder) =>
        PageByKey(
            executions,
            e => string.Create(
                CultureInfo.InvariantCulture,
                $"{(byClose ? e.CloseTimestamp!.Value : e.StartTimestamp).Ticks:D19}.{e.Sequence:D19}"),
            string.CompareOrdinal,
            kind + (byClose ? ":close" : ":start"),
            token,
            maximumPageSize,
            reverse: !reverseOrder);

    /// <summary>
    /// Drops closed runs older than the domain's retention period; 0 or NONE keeps nothing once time
    /// moves on. The domain keeps its closed runs by close time, so this costs the runs it drops, not a
    /// walk over every run: lookups by id stay flat in the number of runs retained.
    /// </summary>
    private void PurgeExpired(DomainState domain) => domain.RemoveExpired(Now);

    private static void RequireAtMostOne(params (string Name, object? Value)[] filters)
    {
        var given = filters.Where(f => f.Value is not null).Select(f => f.Name).ToList();
        if (given.Count > 1)
        {
            throw new ValidationException($"Only one of {string.Join(", ", filters.Select(f => f.Name))} may be given (the request has {string.Join(" and ", given)}).");
        }
    }

    private static void RequireClosedFilters(
        ExecutionTimeFilter? startTimeFilter,
        ExecutionTimeFilter? closeTimeFilter,
        WorkflowExecutionFilter? executionFilter,
        CloseStatusFilter? closeStatusFilter,
        WorkflowTypeFilter? typeFilter,
        TagFilter? tagFilter)
    {
        if ((startTimeFilter is null) == (closeTimeFilter is null))
        {
            throw new ValidationException("Exactly one of startTimeFilter and closeTimeFilter must be given.");
        }

        RequireAtMostOne(("executionFilter", executionFilter), ("closeStatusFilter", closeStatusFilter), ("typeFilter", typeFilter), ("tagFilter", tagFilter));
    }
}
