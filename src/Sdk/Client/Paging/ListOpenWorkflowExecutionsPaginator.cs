using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through a domain's open executions with <see cref="ISwfClient.ListOpenWorkflowExecutionsAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="ListOpenWorkflowExecutionsRequest.NextPageToken"/> and stops at the first
/// page without a token.
/// </remarks>
public sealed class ListOpenWorkflowExecutionsPaginator
{
    private readonly ISwfClient _client;
    private readonly ListOpenWorkflowExecutionsRequest _request;

    internal ListOpenWorkflowExecutionsPaginator(ISwfClient client, ListOpenWorkflowExecutionsRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<ListOpenWorkflowExecutionsResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.ListOpenWorkflowExecutionsAsync(WithToken(_request, token), cancellationToken),
            response => response.WorkflowExecutionInfos?.NextPageToken);

    /// <summary>Gets the executions of every page.</summary>
    public IAsyncEnumerable<WorkflowExecutionInfo> ExecutionInfos =>
        Pages.ItemsAsync(Responses, response => response.WorkflowExecutionInfos?.ExecutionInfos);

    private static ListOpenWorkflowExecutionsRequest WithToken(ListOpenWorkflowExecutionsRequest request, string? token) => new()
    {
        Domain = request.Domain,
        StartTimeFilter = request.StartTimeFilter,
        TypeFilter = request.TypeFilter,
        TagFilter = request.TagFilter,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
        ExecutionFilter = request.ExecutionFilter,
    };
}
