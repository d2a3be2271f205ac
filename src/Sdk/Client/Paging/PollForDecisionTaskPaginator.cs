using System.Runtime.CompilerServices;
using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Completes a decision task whose history did not fit in one page: starting from the poll's first
/// response, it fetches the remaining pages by calling <see cref="ISwfClient.PollForDecisionTaskAsync"/>
/// again with the same request and each page's token, as SWF requires (these calls hand out no new task).
/// </summary>
/// <remarks>
/// Pages after the first are fetched as the enumeration advances; each enumeration starts again from the
/// first response. The request is copied when the paginator is created and each page is asked for with a
/// fresh copy that carries the page's token, so the caller's request is never changed.
/// </remarks>
public sealed class PollForDecisionTaskPaginator
{
    private readonly ISwfClient _client;
    private readonly PollForDecisionTaskRequest _request;
    private readonly PollForDecisionTaskResponse _firstPage;

    internal PollForDecisionTaskPaginator(ISwfClient client, PollForDecisionTaskRequest request, PollForDecisionTaskResponse firstPage)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
        _firstPage = firstPage;
    }

    /// <summary>Gets the responses, one per page: the first response given, then the ones fetched after it.</summary>
    public IAsyncEnumerable<PollForDecisionTaskResponse> Responses => EnumerateResponsesAsync();

    /// <summary>Gets the task's events from every page, in the order SWF returns them.</summary>
    public IAsyncEnumerable<HistoryEvent> Events => Pages.ItemsAsync(Responses, response => response.DecisionTask?.Events);

    private async IAsyncEnumerable<PollForDecisionTaskResponse> EnumerateResponsesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return _firstPage;
        var token = _firstPage.DecisionTask?.NextPageToken;
        if (string.IsNullOrEmpty(token))
        {
            yield break;
        }

        var rest = Pages.FetchAsync(
            token,
            (pageToken, ct) => _client.PollForDecisionTaskAsync(WithToken(_request, pageToken), ct),
            response => response.DecisionTask?.NextPageToken,
            cancellationToken);
        await foreach (var response in rest.ConfigureAwait(false))
        {
            yield return response;
        }
    }

    private static PollForDecisionTaskRequest WithToken(PollForDecisionTaskRequest request, string? token) => new()
    {
        Domain = request.Domain,
        TaskList = request.TaskList,
        Identity = request.Identity,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
        StartAtPreviousStartedEvent = request.StartAtPreviousStartedEvent,
    };
}
