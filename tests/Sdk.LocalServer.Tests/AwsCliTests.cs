using System.Text.Json;

namespace Swf.LocalServer.Tests;

/// <summary>The AWS CLI (v1), a client this project did not write, through a whole round against swf-local.</summary>
public sealed class AwsCliTests : IDisposable
{
    private const string Domain = "cli";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-cli-").FullName;
    private SwfLocalServer? _server;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public async Task AwsCli_WholeRound_Succeeds()
    {
        Skip.If(Tools.Find("aws") is null, "The AWS CLI (aws) is not on PATH; install it with `pip install awscli` to run this test.");
        await using var server = await Servers.StartAsync(o =>
        {
            o.RequireAuth = true;
            o.AccessKey = "AKIDCLI";
            o.SecretKey = "cli-secret";
        });
        _server = server;

        await AwsAsync("register-domain", "--name", Domain, "--workflow-execution-retention-period-in-days", "1");
        await AwsAsync("register-workflow-type", "--domain", Domain, "--name", "flow", "--workflow-version", "1",
            "--default-task-list", "name=deciders", "--default-task-start-to-close-timeout", "60",
            "--default-execution-start-to-close-timeout", "3600", "--default-child-policy", "TERMINATE");
        await AwsAsync("register-activity-type", "--domain", Domain, "--name", "act", "--activity-version", "1",
            "--default-task-list", "name=workers", "--default-task-schedule-to-start-timeout", "60",
            "--default-task-schedule-to-close-timeout", "120", "--default-task-start-to-close-timeout", "60", "--default-task-heartbeat-timeout", "NONE");
        var runId = (await AwsAsync("start-workflow-execution", "--domain", Domain, "--workflow-id", "w1", "--workflow-type", "name=flow,version=1", "--input", "hello"))
            .GetProperty("runId").GetString()!;

        var decision = await AwsAsync("poll-for-decision-task", "--domain", Domain, "--task-list", "name=deciders", "--identity", "cli");
        Assert.Equal("WorkflowExecutionStarted", decision.GetProperty("events")[0].GetProperty("eventType").GetString());
        Assert.Equal(0, decision.GetProperty("previousStartedEventId").GetInt64());
        // The execution context Swf.Sdk's queries write: the later decision sends none, so SWF keeps this one.
        const string context = """{"$asOf":"2026-01-01T00:00:00.000Z","Stage":"scheduled"}""";
        await AwsAsync("respond-decision-task-completed", "--task-token", decision.GetProperty("taskToken").GetString()!, "--execution-context", context, "--decisions", File("schedule.json", """
            [{"decisionType":"ScheduleActivityTask","scheduleActivityTaskDecisionAttributes":{"activityType":{"name":"act","version":"1"},"activityId":"a1","input":"42"}}]
            """));
        var open = await AwsAsync("describe-workflow-execution", "--domain", Domain, "--execution", $"workflowId=w1,runId={runId}");
        Assert.Equal(context, open.GetProperty("latestExecutionContext").GetString());

        var activity = await AwsAsync("poll-for-activity-task", "--domain", Domain, "--task-list", "name=workers", "--identity", "cli");
        Assert.Equal("a1", activity.GetProperty("activityId").GetString());
        Assert.Equal("42", activity.GetProperty("input").GetString());
        await AwsAsync("respond-activity-task-completed", "--task-token", activity.GetProperty("taskToken").GetString()!, "--result", "done");
        await AwsAsync("signal-workflow-execution", "--domain", Domain, "--workflow-id", "w1", "--signal-name", "go", "--input", "now");

        decision = await AwsAsync("poll-for-decision-task", "--domain", Domain, "--task-list", "name=deciders", "--identity", "cli");
        var types = decision.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains("ActivityTaskCompleted", types);
        Assert.Contains("WorkflowExecutionSignaled", types);
        await AwsAsync("respond-decision-task-completed", "--task-token", decision.GetProperty("taskToken").GetString()!, "--decisions", File("complete.json", """
            [{"decisionType":"CompleteWorkflowExecution","completeWorkflowExecutionDecisionAttributes":{"result":"ok"}}]
            """));

        var history = await AwsAsync("get-workflow-execution-history", "--domain", Domain, "--execution", $"workflowId=w1,runId={runId}");
        var last = history.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("WorkflowExecutionCompleted", last.GetProperty("eventType").GetString());
        Assert.Equal("ok", last.GetProperty("workflowExecutionCompletedEventAttributes").GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Number, last.GetProperty("eventTimestamp").ValueKind);
        var described = await AwsAsync("describe-workflow-execution", "--domain", Domain, "--execution", $"workflowId=w1,runId={runId}");
        Assert.Equal("COMPLETED", described.GetProperty("executionInfo").GetProperty("closeStatus").GetString());
        Assert.Equal(context, described.GetProperty("latestExecutionContext").GetString());
        Assert.Equal(context, history.GetProperty("events").EnumerateArray().First(e => e.GetProperty("eventType").GetString() == "DecisionTaskCompleted")
            .GetProperty("decisionTaskCompletedEventAttributes").GetProperty("executionContext").GetString());

        // Faults come out as the CLI prints AWS's: the code and the message.
        var (code, _, error) = await RunAsync("AKIDCLI", "cli-secret", "describe-domain", "--name", "nowhere");
        Assert.NotEqual(0, code);
        Assert.Contains("UnknownResourceFault", error, StringComparison.Ordinal);
        (code, _, error) = await RunAsync("AKIDCLI", "wrong-secret", "list-domains", "--registration-status", "REGISTERED");
        Assert.NotEqual(0, code);
        Assert.Contains("InvalidSignatureException", error, StringComparison.Ordinal);
    }

    private string File(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, json);
        return "file://" + path;
    }

    private async Task<JsonElement> AwsAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync("AKIDCLI", "cli-secret", args);
        Assert.True(code == 0, $"aws swf {string.Join(' ', args)} failed ({code}): {error}");
        return string.IsNullOrWhiteSpace(output) ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string accessKey, string secretKey, params string[] args) =>
        Tools.RunAsync(
            "aws",
            ["--endpoint-url", _server!.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json", "swf", .. args],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = accessKey,
                ["AWS_SECRET_ACCESS_KEY"] = secretKey,
                ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
                ["AWS_PAGER"] = string.Empty,
            });
}
