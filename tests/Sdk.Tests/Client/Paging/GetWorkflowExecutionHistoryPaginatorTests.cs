using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class GetWorkflowExecutionHistoryPaginatorTests
{
    private static readonly WorkflowExecution Execution = new() { WorkflowId = "order-1", RunId = "run-1" };

    [Fact]
    public async Task Events_ThreePages_YieldsEveryEventInOrder()
    {
        var fake = FakeWithPages(Page(1, 2, "t2"), Page(3, 2, "t3"), Page(5, 1, null));

        var events = await fake.Client.GetWorkflowExecutionHistoryPaginator(NewRequest()).Events.ToListAsync();

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.EventId));
        Assert.Equal(3, fake.Calls.Count);
    }

    [Fact]
    public async Task Responses_ThreePages_SendsFreshCopiesWithEachTokenAndLeavesTheRequestAlone()
    {
        var fake = FakeWithPages(Page(1, 1, "t2"), Page(2, 1, "t3"), Page(3, 1, null));
        var request = NewRequest();

        var responses = await fake.Client.GetWorkflowExecutionHistoryPaginator(request).Responses.ToListAsync();

        Assert.Equal(3, responses.Count);
        var sent = fake.Calls.Cast<GetWorkflowExecutionHistoryRequest>().ToList();
        RequestAssert.SameExceptToken(request, sent[0], null);
        RequestAssert.SameExceptToken(request, sent[1], "t2");
        RequestAssert.SameExceptToken(request, sent[2], "t3");
        Assert.Null(request.NextPageToken);
    }

    [Fact]
    public async Task Responses_RequestWithToken_StartsAtThatPage()
    {
        var fake = FakeWithPages(Page(1, 1, "t2"), Page(2, 1, null));
        var request = NewRequest();
        request.NextPageToken = "t2";

        var events = await fake.Client.GetWorkflowExecutionHistoryPaginator(request).Events.ToListAsync();

        Assert.Equal([2L], events.Select(e => e.EventId));
        Assert.Equal("t2", request.NextPageToken);
    }

    [Fact]
    public async Task Responses_EmptyNextPageToken_Stops()
    {
        var fake = FakeWithPages(Page(1, 1, string.Empty));

        var responses = await fake.Client.GetWorkflowExecutionHistoryPaginator(NewRequest()).Responses.ToListAsync();

        Assert.Single(responses);
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task Responses_ChangedAfterCreation_PagesTheRequestAsItWas()
    {
        var fake = FakeWithPages(Page(1, 1, null));
        var request = NewRequest();
        var paginator = fake.Client.GetWorkflowExecutionHistoryPaginator(request);
        request.Domain = "elsewhere";

        await paginator.Responses.ToListAsync();

        Assert.Equal("orders", Assert.IsType<GetWorkflowExecutionHistoryRequest>(Assert.Single(fake.Calls)).Domain);
    }

    [Fact]
    public async Task Responses_EnumeratedTwice_StartsAgainFromTheRequest()
    {
        var fake = FakeWithPages(Page(1, 1, "t2"), Page(2, 1, null));
        var paginator = fake.Client.GetWorkflowExecutionHistoryPaginator(NewRequest());

        var first = await paginator.Events.ToListAsync();
        var second = await paginator.Events.ToListAsync();

        Assert.Equal(first.Select(e => e.EventId), second.Select(e => e.EventId));
        Assert.Equal([null, "t2", null, "t2"], fake.Calls.Cast<GetWorkflowExecutionHistoryRequest>().Select(r => r.NextPageToken));
    }

    [Fact]
    public async Task Responses_ServiceReturnsTheTokenItWasSent_ThrowsInsteadOfLooping()
    {
        var fake = FakeSwfClient.Create().On<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>(
            _ => new GetWorkflowExecutionHistoryResponse { History = Page(1, 1, "same") });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fake.Client.GetWorkflowExecutionHistoryPaginator(NewRequest()).Responses.ToListAsync().AsTask());

        Assert.Contains("page token", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Calls.Count);
    }

    [Fact]
    public async Task Events_CancelledAfterFirstPage_ThrowsWithoutFetchingAgain()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        var fake = FakeSwfClient.Create().On<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>((request, token) =>
        {
            seen = token;
            return Task.FromResult(new GetWorkflowExecutionHistoryResponse { History = Page(1, 1, "t2") });
        });
        var events = fake.Client.GetWorkflowExecutionHistoryPaginator(NewRequest()).Events.GetAsyncEnumerator(cancellation.Token);

        Assert.True(await events.MoveNextAsync());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.MoveNextAsync().AsTask());
        Assert.Single(fake.Calls);
        Assert.True(seen.IsCancellationRequested, "The enumeration's token must reach the client.");
        await events.DisposeAsync();
    }

    private static GetWorkflowExecutionHistoryRequest NewRequest() => new()
    {
        Domain = "orders",
        Execution = Execution,
        MaximumPageSize = 2,
        ReverseOrder = false,
    };

    private static History Page(long firstEventId, int count, string? nextPageToken) => new()
    {
        Events = Enumerable.Range(0, count).Select(i => new HistoryEvent
        {
            EventId = firstEventId + i,
            EventType = EventType.MarkerRecorded,
            EventTimestamp = DateTime.UnixEpoch,
        }).ToList(),
        NextPageToken = nextPageToken,
    };

    // Page i answers the token "t{i+1}" (the first page answers no token).
    private static FakeSwfClient FakeWithPages(params History[] pages) =>
        FakeSwfClient.Create().On<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>(request =>
            new GetWorkflowExecutionHistoryResponse { History = pages[request.NextPageToken is null ? 0 : int.Parse(request.NextPageToken[1..], System.Globalization.CultureInfo.InvariantCulture) - 1] });
}
