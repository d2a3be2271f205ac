using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>The console's executions list beyond 500: pages joined by <c>nextPageToken</c>, as SWF's list calls page.</summary>
public sealed class ConsolePagingTests
{
    private const string Domain = "paging";
    private static readonly DateTimeOffset T0 = new(2031, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Executions_MoreThan500_PagesThroughEveryOneOnceNewestFirst()
    {
        var time = new FakeTimeProvider(T0);
        await using var server = await Servers.StartAsync(o => o.TimeProvider = time);
        await Servers.RegisterAsync(server.Engine, Domain);
        var started = await StartAsync(server, time, 0, 1203);
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        var first = await PageAsync(http, string.Empty);
        var second = await PageAsync(http, "&nextPageToken=" + Uri.EscapeDataString(first.Token!));
        var third = await PageAsync(http, "&nextPageToken=" + Uri.EscapeDataString(second.Token!));

        Assert.Equal((500, 500, 203), (first.Ids.Count, second.Ids.Count, third.Ids.Count));
        Assert.True(first.Truncated);
        Assert.True(second.Truncated);
        Assert.False(third.Truncated);
        Assert.Null(third.Token);
        Assert.Equal(Enumerable.Reverse(started), [.. first.Ids, .. second.Ids, .. third.Ids]);
    }

    [Fact]
    public async Task Executions_StartedBetweenPages_NeitherRepeatNorSkipTheOlderOnes()
    {
        var time = new FakeTimeProvider(T0);
        await using var server = await Servers.StartAsync(o => o.TimeProvider = time);
        await Servers.RegisterAsync(server.Engine, Domain);
        var older = await StartAsync(server, time, 0, 600);
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        var first = await PageAsync(http, "&maximumPageSize=250");
        await StartAsync(server, time, 600, 100);
        var rest = new List<string>();
        for (var token = first.Token; token is not null;)
        {
            var page = await PageAsync(http, "&maximumPageSize=250&nextPageToken=" + Uri.EscapeDataString(token));
            rest.AddRange(page.Ids);
            token = page.Token;
        }

        Assert.Equal(Enumerable.Reverse(older), [.. first.Ids, .. rest]);
    }

    [Theory]
    [InlineData("&nextPageToken=not-a-token", "'nextPageToken' is not a token this console gave.")]
    [InlineData("&maximumPageSize=0", "'maximumPageSize' must be a whole number from 1 to 1000; it is '0'.")]
    [InlineData("&maximumPageSize=1001", "'maximumPageSize' must be a whole number from 1 to 1000; it is '1001'.")]
    public async Task Executions_BadPagingQuery_Answers400(string query, string message)
    {
        await using var server = await Servers.StartAsync();
        await Servers.RegisterAsync(server.Engine, Domain);
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var response = await http.GetAsync($"/console/api/executions?domain={Domain}{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecutionsScript_Served_FollowsNextPageTokenWithALoadMoreControl()
    {
        await using var server = await Servers.StartAsync();
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var response = await http.GetAsync("/ui/executions.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nextPageToken", script, StringComparison.Ordinal);
        Assert.Contains("'load-more'", script, StringComparison.Ordinal);
        Assert.Contains("'Load more'", script, StringComparison.Ordinal);
    }

    /// <summary>Starts executions one millisecond apart, so that newest first is one order; returns their ids, oldest first.</summary>
    private static async Task<List<string>> StartAsync(SwfLocalServer server, FakeTimeProvider time, int from, int count)
    {
        var ids = new List<string>();
        for (var i = from; i < from + count; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            var id = $"order-{i:D5}";
            await server.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = id, WorkflowType = Servers.Workflow });
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<(List<string> Ids, string? Token, bool Truncated)> PageAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync($"/console/api/executions?domain={Domain}{query}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var executions = json.GetProperty("executions");
        var ids = executions.GetProperty("executionInfos").EnumerateArray().Select(e => e.GetProperty("execution").GetProperty("workflowId").GetString()!).ToList();
        var token = executions.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (ids, token, json.GetProperty("truncated").GetBoolean());
    }
}
