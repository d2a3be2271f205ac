using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class PollForDecisionTaskPaginatorTests
{
    [Fact]
    public async Task Events_FirstPageWithToken_PollsAgainForTheRestAndYieldsAllEvents()
    {
        var fake = FakeSwfClient.Create().On<PollForDecisionTaskRequest, PollForDecisionTaskResponse>(request => request.NextPageToken switch
        {
            "p2" => Page([3, 4], "p3"),
            "p3" => Page([5], null),
            _ => throw new InvalidOperationException($"unexpected token {request.NextPageToken}"),
        });
        var request = NewRequest();

        var events = await fake.Client.PollForDecisionTaskPaginator(request, Page([1, 2], "p2")).Events.ToListAsync();

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.EventId));
        Assert.Equal(2, fake.Calls.Count);
        RequestAssert.SameExceptToken(request, (PollForDecisionTaskRequest)fake.Calls[0], "p2");
        RequestAssert.SameExceptToken(request, (PollForDecisionTaskRequest)fake.Calls[1], "p3");
        Assert.Null(request.NextPageToken);
    }

    [Fact]
    public async Task Responses_FirstPageWithoutToken_YieldsItAloneWithoutPolling()
    {
        var fake = FakeSwfClient.Create();
        var first = Page([1, 2, 3], null);

        var responses = await fake.Client.PollForDecisionTaskPaginator(NewRequest(), first).Responses.ToListAsync();

        Assert.Same(first, Assert.Single(responses));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Events_EmptyPoll_YieldsNothing()
    {
        var fake = FakeSwfClient.Create();
        var empty = new PollForDecisionTaskResponse { DecisionTask = new DecisionTask { StartedEventId = 0, PreviousStartedEventId = 0 } };

        var events = await fake.Client.PollForDecisionTaskPaginator(NewRequest(), empty).Events.ToListAsync();

        Assert.Empty(events);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Events_CancelledBeforeTheSecondPage_ThrowsWithoutPolling()
    {
        using var cancellation = new CancellationTokenSource();
        var fake = FakeSwfClient.Create().On<PollForDecisionTaskRequest, PollForDecisionTaskResponse>(_ => Page([2], null));
        var events = fake.Client.PollForDecisionTaskPaginator(NewRequest(), Page([1], "p2")).Events.GetAsyncEnumerator(cancellation.Token);

        Assert.True(await events.MoveNextAsync());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.MoveNextAsync().AsTask());
        Assert.Empty(fake.Calls);
        await events.DisposeAsync();
    }

    private static PollForDecisionTaskRequest NewRequest() => new()
    {
        Domain = "orders",
        TaskList = new TaskList { Name = "deciders" },
        Identity = "decider-1",
        MaximumPageSize = 2,
        ReverseOrder = false,
        StartAtPreviousStartedEvent = true,
    };

    private static PollForDecisionTaskResponse Page(long[] eventIds, string? nextPageToken) => new()
    {
        DecisionTask = new DecisionTask
        {
            TaskToken = "task-token",
            StartedEventId = 9,
            Events = eventIds.Select(id => new HistoryEvent { EventId = id, EventType = EventType.MarkerRecorded, EventTimestamp = DateTime.UnixEpoch }).ToList(),
            NextPageToken = nextPageToken,
        },
    };
}
