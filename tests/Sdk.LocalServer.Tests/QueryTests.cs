using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client;
using Swf.Hosting;
using Swf.LocalServer.Tests.Workflows;
using Swf.Model;
using Swf.Worker;

namespace Swf.LocalServer.Tests;

/// <summary>
/// Queries as SWF carries them, end to end over HTTP: a generated workflow's decider publishes its [Query] values in
/// each decision task's execution context; the generated client and the AWS CLI read them back from swf-local's
/// DescribeWorkflowExecution.
/// </summary>
public sealed class QueryTests
{
    private const string Domain = "queries";

    [Fact]
    public async Task QueryAsync_GeneratedClientThroughSwfLocal_ReadsValuesAsOfTheLastDecisionTask()
    {
        await using var server = await Servers.StartAsync();
        using var swf = Servers.Client(server);
        var (worker, handle) = await StartAsync(swf, "box-1");

        Assert.True(await worker.PollOnceAsync("packing"));
        var stage = await handle.QueryStageAsync();
        Assert.Equal("waiting", stage.Value);
        Assert.Equal(0, (await handle.QueryItemCountAsync()).Value);
        var started = (await HistoryAsync(swf, handle)).Last(e => e.EventType == EventType.DecisionTaskStarted);
        Assert.Equal(started.EventTimestamp, stage.AsOf);

        await handle.SignalPackAsync("socks");
        Assert.True(await worker.PollOnceAsync(worker.StickyTaskList));
        Assert.Equal("packing socks", (await handle.QueryStageAsync()).Value);
        Assert.Equal(1, (await handle.QueryItemCountAsync()).Value);

        await handle.SignalPackAsync("shoes");
        Assert.True(await worker.PollOnceAsync(worker.StickyTaskList));
        Assert.Equal("socks,shoes", await handle.GetResultAsync());
        // SWF keeps the last context after the run closes: the final decision task's values.
        Assert.Equal("packed", (await handle.QueryStageAsync()).Value);
        Assert.Equal(2, (await handle.QueryItemCountAsync()).Value);
    }

    [SkippableFact]
    public async Task DescribeWorkflowExecution_AwsCliAgainstSwfLocal_ShowsTheQueriesOfAnSdkWorkflow()
    {
        Skip.If(Tools.Find("aws") is null, "The AWS CLI (aws) is not on PATH; install it with `pip install awscli` to run this test.");
        await using var server = await Servers.StartAsync();
        using var swf = Servers.Client(server);
        var (worker, handle) = await StartAsync(swf, "box-2");
        Assert.True(await worker.PollOnceAsync("packing"));
        await handle.SignalPackAsync("hat");
        Assert.True(await worker.PollOnceAsync(worker.StickyTaskList));

        var (code, output, error) = await Tools.RunAsync(
            "aws",
            ["--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json", "swf", "describe-workflow-execution",
                "--domain", Domain, "--execution", $"workflowId=box-2,runId={handle.Handle.RunId}"],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
                ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
                ["AWS_PAGER"] = string.Empty,
            });

        Assert.True(code == 0, $"aws swf describe-workflow-execution failed ({code}): {error}");
        // What a client in any language reads: a JSON object with the decision task's time and each query's value.
        using var described = JsonDocument.Parse(output);
        var context = described.RootElement.GetProperty("latestExecutionContext").GetString()!;
        using var values = JsonDocument.Parse(context);
        Assert.Equal("packing hat", values.RootElement.GetProperty("Stage").GetString());
        Assert.Equal(1, values.RootElement.GetProperty("items").GetInt32());
        Assert.Equal((await handle.QueryStageAsync()).AsOf, values.RootElement.GetProperty("$asOf").GetDateTime());
    }

    private static async Task<(WorkflowWorker Worker, PackingWorkflowHandle Handle)> StartAsync(SwfHttpClient swf, string workflowId)
    {
        await new SwfTypeRegistrar(swf, new SwfOptions { Domain = Domain, DomainRetentionDays = 1 }, NullLogger.Instance)
            .RegisterAsync([PackingWorkflow.SwfDefinition], [], CancellationToken.None);
        var worker = new WorkflowWorker(swf, new WorkflowWorkerOptions { Domain = Domain, TaskList = "packing", Identity = "packer" }, [PackingWorkflow.SwfDefinition]);
        var handle = await new PackingWorkflowClient(new WorkflowClient(swf, new WorkflowClientOptions { Domain = Domain })).StartAsync(2, workflowId);
        return (worker, handle);
    }

    private static async Task<List<HistoryEvent>> HistoryAsync(ISwfClient swf, PackingWorkflowHandle handle)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in new WorkflowClient(swf, new WorkflowClientOptions { Domain = Domain }).GetHandle(handle.Handle.WorkflowId, handle.Handle.RunId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }
}
