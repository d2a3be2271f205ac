using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through a domain's closed executions with <see cref="ISwfClient.ListClosedWorkflowExecutionsAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="ListClosedWorkflowExecutionsRequest.NextPageToken"/> and stops at the first
/// page without a token.
/// </remarks>
public sealed class ListClosedWorkflowExecutionsPaginator
{
    private readonly ISwfClient _client;
    private readonly ListClosedWorkflowExecutionsRequest _request;

    internal ListClosedWorkflowExecutionsPaginator(ISwfClient client, ListClosedWorkflowExecutionsRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<ListClosedWorkflowExecutionsResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.ListClosedWorkflowExecutionsAsync(WithToken(_request, token), cancellationToken),
            response => response.WorkflowExecutionInfos?.NextPageToken);

    /// <summary>Gets the executions of every page.</summary>
    public IAsyncEnumerable<WorkflowExecutionInfo> ExecutionInfos =>
        Pages.ItemsAsync(Responses, response => response.WorkflowExecutionInfos?.ExecutionInfos);

    private static ListClosedWorkflowExecutionsRequest WithToken(ListClosedWorkflowExecutionsRequest request, string? token) => new()
    {
        Domain = request.Domain,
        StartTimeFilter = request.StartTimeFilter,
        CloseTimeFilter = request.CloseTimeFilter,
        ExecutionFilter = request.ExecutionFilter,
        CloseStatusFilter = request.CloseStatusFilter,
        TypeFilter = request.TypeFilter,
        TagFilter = request.TagFilter,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
    };
}
