using System.Net;
using System.Text.Json;
using Swf.LocalServer.Clock;

namespace Swf.LocalServer.Tests;

/// <summary>The AWS CLI, a client this project did not write, skipping a one-day timer on swf-local's manual clock.</summary>
public sealed class AwsCliClockTests : IDisposable
{
    private const string Domain = "cli-clock";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-cli-clock-").FullName;
    private readonly HttpClient _http = new();
    private SwfLocalServer? _server;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [SkippableFact]
    public async Task AwsCli_ManualClockSkip_OneDayTimerFires()
    {
        Skip.If(Tools.Find("aws") is null, "The AWS CLI (aws) is not on PATH; install it with `pip install awscli` to run this test.");
        await using var server = await Servers.StartAsync(o => o.Clock = LocalClockMode.Manual);
        _server = server;
        var before = DateTimeOffset.Parse(await NowAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await AwsAsync("register-domain", "--name", Domain, "--workflow-execution-retention-period-in-days", "1");
        await AwsAsync("register-workflow-type", "--domain", Domain, "--name", "nap", "--workflow-version", "1",
            "--default-task-list", "name=deciders", "--default-task-start-to-close-timeout", "60",
            "--default-execution-start-to-close-timeout", "604800", "--default-child-policy", "TERMINATE");
        var runId = (await AwsAsync("start-workflow-execution", "--domain", Domain, "--workflow-id", "nap-1", "--workflow-type", "name=nap,version=1"))
            .GetProperty("runId").GetString()!;
        var decision = await AwsAsync("poll-for-decision-task", "--domain", Domain, "--task-list", "name=deciders", "--identity", "cli");
        await AwsAsync("respond-decision-task-completed", "--task-token", decision.GetProperty("taskToken").GetString()!, "--decisions", File("timer.json", """
            [{"decisionType":"StartTimer","startTimerDecisionAttributes":{"timerId":"day","startToFireTimeout":"86400"}}]
            """));

        using var skip = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint, ClockEndpoints.Path + "/skip"));
        skip.Headers.Add("X-Swf-Console", "1");
        using var skipped = await _http.SendAsync(skip);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);

        decision = await AwsAsync("poll-for-decision-task", "--domain", Domain, "--task-list", "name=deciders", "--identity", "cli");
        var fired = decision.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("eventType").GetString() == "TimerFired");
        Assert.Equal("day", fired.GetProperty("timerFiredEventAttributes").GetProperty("timerId").GetString());
        var started = decision.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("eventType").GetString() == "TimerStarted");
        Assert.Equal(86400, fired.GetProperty("eventTimestamp").GetDouble() - started.GetProperty("eventTimestamp").GetDouble(), precision: 3);
        var after = DateTimeOffset.Parse(await NowAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after - before >= TimeSpan.FromDays(1), $"the clock moved from {before:O} to {after:O}");
        await AwsAsync("respond-decision-task-completed", "--task-token", decision.GetProperty("taskToken").GetString()!, "--decisions", File("done.json", """
            [{"decisionType":"CompleteWorkflowExecution","completeWorkflowExecutionDecisionAttributes":{"result":"rested"}}]
            """));
        var described = await AwsAsync("describe-workflow-execution", "--domain", Domain, "--execution", $"workflowId=nap-1,runId={runId}");
        Assert.Equal("COMPLETED", described.GetProperty("executionInfo").GetProperty("closeStatus").GetString());
    }

    private async Task<string> NowAsync()
    {
        using var response = await _http.GetAsync(new Uri(_server!.Endpoint, ClockEndpoints.Path));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("now").GetString()!;
    }

    private string File(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, json);
        return "file://" + path;
    }

    private async Task<JsonElement> AwsAsync(params string[] args)
    {
        var (code, output, error) = await Tools.RunAsync(
            "aws",
            ["--endpoint-url", _server!.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json", "swf", .. args],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIDCLI",
                ["AWS_SECRET_ACCESS_KEY"] = "cli-secret",
                ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
                ["AWS_PAGER"] = string.Empty,
            });
        Assert.True(code == 0, $"aws swf {string.Join(' ', args)} failed ({code}): {error}");
        return string.IsNullOrWhiteSpace(output) ? default : JsonDocument.Parse(output).RootElement.Clone();
    }
}
