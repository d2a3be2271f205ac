using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Swf.LocalServer.WebConsole;

namespace Swf.LocalServer.Tests;

/// <summary>The web console's page, assets and JSON API, over HTTP against a server that ran a real workflow.</summary>
public sealed class ConsoleTests
{
    [Fact]
    public async Task GetRoot_ConsoleOn_ServesThePageAndItsBundledAssets()
    {
        await using var server = await Servers.StartAsync();
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var page = await http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/ui/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/ui/console.css", "/ui/app.js", "/ui/executions.js", "/ui/execution.js"], assets);
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }

        Assert.Equal(["app.js", "console.css", "execution.js", "executions.js", "index.html"], ConsoleAssets.Names().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/ui/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/ui/../index.html.bak")).StatusCode);
    }

    [Fact]
    public async Task Api_AfterARealWorkflow_ListsDomainsExecutionsHistoryAndTaskLists()
    {
        await using var server = await Servers.StartAsync();
        await using var scenario = await ConsoleScenario.RunAsync(server);
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        var domains = await GetAsync(http, "domains");
        Assert.Equal(ConsoleScenario.Domain, domains.GetProperty("domainInfos")[0].GetProperty("name").GetString());

        Assert.Equal([ConsoleScenario.Child, ConsoleScenario.Open, ConsoleScenario.Failed, ConsoleScenario.Completed], await WorkflowIdsAsync(http, string.Empty));
        Assert.Equal([ConsoleScenario.Child, ConsoleScenario.Open], await WorkflowIdsAsync(http, "&state=open"));
        Assert.Equal([ConsoleScenario.Failed], await WorkflowIdsAsync(http, "&state=closed&closeStatus=FAILED"));
        Assert.Equal([ConsoleScenario.Open, ConsoleScenario.Completed], await WorkflowIdsAsync(http, "&tag=vip"));
        Assert.Equal([ConsoleScenario.Completed], await WorkflowIdsAsync(http, "&workflowId=1001&type=order"));
        Assert.Empty(await WorkflowIdsAsync(http, "&from=2999-01-01T00:00Z"));

        var execution = await GetAsync(http, $"execution?domain={ConsoleScenario.Domain}&workflowId={ConsoleScenario.Completed}&runId={Uri.EscapeDataString(scenario.RunIds[ConsoleScenario.Completed])}");
        Assert.Equal("COMPLETED", execution.GetProperty("detail").GetProperty("executionInfo").GetProperty("closeStatus").GetString());
        var types = execution.GetProperty("history").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains("TimerFired", types);
        Assert.Contains("MarkerRecorded", types);
        Assert.Contains("WorkflowExecutionSignaled", types);
        Assert.Equal("WorkflowExecutionCompleted", types[^1]);
        Assert.Equal(JsonValueKind.Number, execution.GetProperty("now").ValueKind);

        var lists = (await GetAsync(http, $"tasklists?domain={ConsoleScenario.Domain}")).GetProperty("taskLists").EnumerateArray().ToList();
        var slow = lists.Single(l => l.GetProperty("name").GetString() == ConsoleScenario.SlowList);
        Assert.Equal(("activity", 1), (slow.GetProperty("kind").GetString(), slow.GetProperty("pendingTaskCount").GetInt32()));
        var workers = await WaitForPollerAsync(http);
        Assert.Equal(ConsoleScenario.PollerIdentity, workers.GetProperty("pollers")[0].GetProperty("identity").GetString());
    }

    [Fact]
    public async Task Actions_WithoutOrWithTheConsoleHeader_AreForbiddenOrSignalTheExecution()
    {
        await using var server = await Servers.StartAsync();
        await using var scenario = await ConsoleScenario.RunAsync(server);
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };
        var body = $$"""{"domain":"{{ConsoleScenario.Domain}}","workflowId":"{{ConsoleScenario.Open}}","signalName":"poke","input":"hi"}""";

        using var unmarked = await http.PostAsync("/console/api/signal", new StringContent(body, Encoding.UTF8, "application/json"));
        using var marked = new HttpRequestMessage(HttpMethod.Post, "/console/api/signal") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        marked.Headers.Add(ConsoleApi.ActionHeader, "1");
        using var signalled = await http.SendAsync(marked);
        using var terminateUnknown = new HttpRequestMessage(HttpMethod.Post, "/console/api/terminate") { Content = new StringContent($$"""{"domain":"{{ConsoleScenario.Domain}}","workflowId":"nope"}""", Encoding.UTF8, "application/json") };
        terminateUnknown.Headers.Add(ConsoleApi.ActionHeader, "1");
        using var unknown = await http.SendAsync(terminateUnknown);

        Assert.Equal(HttpStatusCode.Forbidden, unmarked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signalled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("UnknownResourceFault", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var history = await Servers.HistoryAsync(scenario.Client, ConsoleScenario.Domain, new Model.WorkflowExecution { WorkflowId = ConsoleScenario.Open, RunId = scenario.RunIds[ConsoleScenario.Open] });
        Assert.Contains(history, e => e.WorkflowExecutionSignaledEventAttributes?.SignalName == "poke");
    }

    [Fact]
    public async Task Console_WithRequireAuth_IsOffUnlessAskedFor()
    {
        await using var secured = await Servers.StartAsync(o =>
        {
            o.RequireAuth = true;
            o.AccessKey = "AKID";
            o.SecretKey = "secret";
        });
        await using var opted = await Servers.StartAsync(o =>
        {
            o.RequireAuth = true;
            o.AccessKey = "AKID";
            o.SecretKey = "secret";
            o.EnableConsole = true;
        });
        using var http = new HttpClient();

        using var securedPage = await http.GetAsync(new Uri(secured.Endpoint, "/console/api/domains"));
        using var optedPage = await http.GetAsync(new Uri(opted.ConsoleEndpoint!, "/console/api/domains"));

        Assert.Null(secured.ConsoleEndpoint);
        Assert.Equal(HttpStatusCode.BadRequest, securedPage.StatusCode); // the SWF handler: unsigned
        Assert.Equal(HttpStatusCode.OK, optedPage.StatusCode);
    }

    [Fact]
    public async Task ConsolePort_Set_ServesTheConsoleApartFromSwf()
    {
        await using var server = await Servers.StartAsync(o => o.ConsolePort = 0);
        using var http = new HttpClient();
        using var swf = Servers.Client(server);

        await Servers.RegisterAsync(swf, "apart");
        using var consolePage = await http.GetAsync(server.ConsoleEndpoint);
        using var swfPage = await http.GetAsync(server.Endpoint);
        var domains = await http.GetFromJsonAsync<JsonElement>(new Uri(server.ConsoleEndpoint!, "/console/api/domains"));

        Assert.NotEqual(server.Endpoint.Port, server.ConsoleEndpoint!.Port);
        Assert.Equal(HttpStatusCode.OK, consolePage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, swfPage.StatusCode);
        Assert.Equal("apart", domains.GetProperty("domainInfos")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("--port 0 --ui-port 0", true, true)]
    [InlineData("--port 0 --no-console", false, false)]
    [InlineData("--port 0 --require-auth --access-key k --secret-key s", false, false)]
    [InlineData("--port 0 --require-auth --access-key k --secret-key s --console", true, false)]
    public void Parse_ConsoleArguments_SetTheOptions(string line, bool enabled, bool ownPort)
    {
        var parsed = LocalServerCommand.Parse(line.Split(' '));
        Assert.Empty(parsed.Errors);
        var options = Assert.IsType<SwfLocalServerOptions>(parsed.Options);
        Assert.Equal(enabled, options.ConsoleEnabled);
        Assert.Equal(ownPort, options.ConsolePort is not null);
    }

    [Theory]
    [InlineData("--port 5000 --ui-port 5000", "--ui-port")]
    [InlineData("--port 0 --ui-port 1 --no-console", "--no-console")]
    [InlineData("--port 0 --console --no-console", "--no-console")]
    [InlineData("--port 0 --ui-port x", "--ui-port")]
    public void Parse_BadConsoleArguments_Fail(string line, string named)
    {
        var parsed = LocalServerCommand.Parse(line.Split(' '));

        Assert.Null(parsed.Options);
        Assert.Contains(named, Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadAsset_ConsoleOn_AnswersTheHeadersWithoutTheBody()
    {
        await using var server = await Servers.StartAsync();
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var get = await http.GetAsync("/ui/app.js");
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/ui/app.js"));
        var body = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", head.Content.Headers.ContentType!.ToString());
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.True(body.Length > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-cache", head.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", head.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'", head.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("GET", "nope", "/console/api/nope")]
    [InlineData("GET", "signal", "/console/api/signal")]
    [InlineData("POST", "domains", "/console/api/domains")]
    [InlineData("HEAD", "domains", "/console/api/domains")]
    [InlineData("GET", "a/b", "/console/api/a/b")]
    [InlineData("GET", "domains/", "/console/api/domains/")]
    [InlineData("GET", "Domains", "/console/api/Domains")]
    public async Task Api_UnknownPathOrMethod_IsTheApisNotFound(string method, string route, string path)
    {
        await using var server = await Servers.StartAsync();
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        if (method != "HEAD")
        {
            Assert.Equal($$"""{"error":"NotFound","message":"No console API {{method}} {{route}}."}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/nothing")]
    [InlineData("/ui/missing.js")]
    [InlineData("/ui/APP.JS")]
    [InlineData("/UI/app.js")]
    [InlineData("/ui/app.js/")]
    [InlineData("/INDEX.HTML")]
    [InlineData("/console/api")]
    [InlineData("/Console/Api/domains")]
    public async Task Get_UnknownPage_IsThePlainNotFound(string path)
    {
        await using var server = await Servers.StartAsync();
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"Not found: {path}. The console is at /.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConsolePort_Set_LeavesEachPortItsOwnAnswers()
    {
        await using var server = await Servers.StartAsync(o => o.ConsolePort = 0);
        using var http = new HttpClient();

        using var apiOnSwf = await http.GetAsync(new Uri(server.Endpoint, "/console/api/domains"));
        using var assetOnSwf = await http.GetAsync(new Uri(server.Endpoint, "/ui/app.js"));
        using var postOnConsole = await http.PostAsync(server.ConsoleEndpoint, new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"));

        Assert.Equal("com.amazon.coral.service#UnknownOperationException", (await apiOnSwf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("__type").GetString());
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", (await assetOnSwf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("__type").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postOnConsole.StatusCode);
        Assert.Equal("The console only answers GET requests here.", await postOnConsole.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync("/console/api/" + path);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json}");
        return json;
    }

    private static async Task<List<string?>> WorkflowIdsAsync(HttpClient http, string query) =>
        [.. (await GetAsync(http, $"executions?domain={ConsoleScenario.Domain}{query}")).GetProperty("executions").GetProperty("executionInfos").EnumerateArray()
            .Select(e => e.GetProperty("execution").GetProperty("workflowId").GetString())];

    /// <summary>Waits for the scenario's idle poll to reach the server (it is sent without being awaited).</summary>
    private static async Task<JsonElement> WaitForPollerAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lists = (await GetAsync(http, $"tasklists?domain={ConsoleScenario.Domain}")).GetProperty("taskLists").EnumerateArray();
            var workers = lists.FirstOrDefault(l => l.GetProperty("name").GetString() == Servers.ActivityList && l.GetProperty("kind").GetString() == "activity");
            if (workers.ValueKind == JsonValueKind.Object && workers.GetProperty("pollers").GetArrayLength() > 0 || attempt == 100)
            {
                return workers;
            }

            await Task.Delay(50);
        }
    }
}
