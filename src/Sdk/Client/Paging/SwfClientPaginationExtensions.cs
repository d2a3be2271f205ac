using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Paginators for SWF's paged operations: each exposes <c>Responses</c>, one per page, and the pages'
/// items, fetched lazily as an <see cref="IAsyncEnumerable{T}"/> (pass a cancellation token with
/// <c>WithCancellation</c>). The caller's request is never changed.
/// </summary>
public static class SwfClientPaginationExtensions
{
    /// <summary>Pages through an execution's history.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static GetWorkflowExecutionHistoryPaginator GetWorkflowExecutionHistoryPaginator(this ISwfClient client, GetWorkflowExecutionHistoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new GetWorkflowExecutionHistoryPaginator(client, request);
    }

    /// <summary>Pages through the domains in a registration status.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static ListDomainsPaginator ListDomainsPaginator(this ISwfClient client, ListDomainsRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new ListDomainsPaginator(client, request);
    }

    /// <summary>Pages through a domain's activity types.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static ListActivityTypesPaginator ListActivityTypesPaginator(this ISwfClient client, ListActivityTypesRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new ListActivityTypesPaginator(client, request);
    }

    /// <summary>Pages through a domain's workflow types.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static ListWorkflowTypesPaginator ListWorkflowTypesPaginator(this ISwfClient client, ListWorkflowTypesRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new ListWorkflowTypesPaginator(client, request);
    }

    /// <summary>Pages through a domain's open executions that match a filter.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static ListOpenWorkflowExecutionsPaginator ListOpenWorkflowExecutionsPaginator(this ISwfClient client, ListOpenWorkflowExecutionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new ListOpenWorkflowExecutionsPaginator(client, request);
    }

    /// <summary>Pages through a domain's closed executions that match a filter.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request of the first page; its <c>NextPageToken</c>, if set, is where paging starts.</param>
    /// <returns>The paginator.</returns>
    public static ListClosedWorkflowExecutionsPaginator ListClosedWorkflowExecutionsPaginator(this ISwfClient client, ListClosedWorkflowExecutionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return new ListClosedWorkflowExecutionsPaginator(client, request);
    }

    /// <summary>
    /// Fetches the rest of a decision task's history after the first page a poll returned, by polling
    /// again with the same request and each page's token.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request the first page was polled with.</param>
    /// <param name="firstPage">The poll's response; when it has no next-page token there is nothing more to fetch.</param>
    /// <returns>The paginator.</returns>
    public static PollForDecisionTaskPaginator PollForDecisionTaskPaginator(this ISwfClient client, PollForDecisionTaskRequest request, PollForDecisionTaskResponse firstPage)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(firstPage);
        return new PollForDecisionTaskPaginator(client, request, firstPage);
    }
}
