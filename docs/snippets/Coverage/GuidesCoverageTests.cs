using System.Reflection;
using System.Text.RegularExpressions;
using Swf.Client;
using Swf.LocalEngine;
using Swf.LocalServer;
using Swf.Model;
using Swf.Testing;
using Swf.Workflows;

namespace Docs.Snippets.Coverage;

/// <summary>
/// The guides list what the code has: every diagnostic id and public exception (troubleshooting), every option
/// (hosting), every span and metric (telemetry), and only real IAM actions (deploying on AWS). Adding one of
/// these to the code without its entry fails here, naming what is missing.
/// </summary>
public sealed partial class GuidesCoverageTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(Workflow).Assembly,
        typeof(SwfTestEnvironment).Assembly,
        typeof(LocalSwfEngine).Assembly,
        typeof(SwfLocalServer).Assembly,
        typeof(Swf.AspNetCore.SwfPayloadDecoderOptions).Assembly,
    ];

    [Fact]
    public void Troubleshooting_EveryDiagnosticId_HasAnEntryHereAndInDiagnostics()
    {
        var ids = Repository.SourceFiles("src/Sdk.Generators")
            .SelectMany(path => DiagnosticId().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var troubleshooting = Repository.Read("docs/troubleshooting.md");
        var diagnostics = Repository.Read("docs/diagnostics.md");

        Assert.NotEmpty(ids);
        Assert.Empty(ids.Where(id => !troubleshooting.Contains($"| [{id}](diagnostics.md#{id.ToLowerInvariant()}) |", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Empty(ids.Where(id => !diagnostics.Contains($"## {id.ToLowerInvariant()}\n", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Troubleshooting_EveryPublicException_HasAnEntry()
    {
        var troubleshooting = Repository.Read("docs/troubleshooting.md");
        var exceptions = Packages.SelectMany(a => a.GetExportedTypes()).Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Contains(exceptions, t => t.Name == "NonDeterministicWorkflowException");
        Assert.Empty(exceptions.Where(t => !troubleshooting.Contains($"| `{t.Name}` |", StringComparison.Ordinal)).Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hosting_EveryOptionOfEveryOptionsClass_IsInItsSection()
    {
        var hosting = Repository.Read("docs/hosting.md");
        var optionsTypes = Packages.SelectMany(a => a.GetExportedTypes()).Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)).ToList();
        var missing = new List<string>();
        foreach (var type in optionsTypes)
        {
            var section = Section(hosting, $"#### `{type.Name}`");
            if (section is null)
            {
                missing.Add($"{type.Name} (no section; tools/docs-options.py {type.Name} prints one)");
                continue;
            }

            missing.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => !section.Contains($"| `{p.Name}` |", StringComparison.Ordinal))
                .Select(p => $"{type.Name}.{p.Name}"));
        }

        Assert.Contains(optionsTypes, t => t == typeof(SwfClientOptions));
        Assert.Empty(missing);
    }

    [Fact]
    public void Telemetry_EverySpanAndMetricName_IsListed()
    {
        var telemetry = Repository.Read("docs/telemetry.md");
        var names = Repository.SourceFiles("src")
            .SelectMany(path => TelemetryName().Matches(File.ReadAllText(path)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("swf.decision_task", names);
        Assert.Contains("swf.decision_task.failures", names);
        Assert.Empty(names.Where(name => !telemetry.Contains($"| `{name}` |", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Aws_EveryIamAction_IsAnSwfOperationOrDecision()
    {
        // ISwfClient is generated from botocore's SWF model (a test of Swf.Sdk compares them); IAM also checks
        // each decision as an action of the decision type's name.
        var operations = typeof(ISwfClient).GetMethods().Select(m => m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name);
        var decisions = typeof(DecisionType).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DecisionType)).Select(f => f.Name);
        var known = operations.Concat(decisions).ToHashSet(StringComparer.Ordinal);
        var actions = IamAction().Matches(Repository.Read("docs/aws.md")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("PollForDecisionTask", actions);
        Assert.Contains("ScheduleActivityTask", actions);
        Assert.Empty(actions.Where(action => !known.Contains(action)).Order(StringComparer.Ordinal));
    }

    private static string? Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = markdown.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex("\"(SWF[0-9]{4})\"")]
    private static partial Regex DiagnosticId();

    [GeneratedRegex(@"(?:StartActivity|Create(?:Counter|Histogram|UpDownCounter|Gauge|ObservableCounter|ObservableGauge|ObservableUpDownCounter)<\w+>)\(""(?<name>swf[^""]*)""")]
    private static partial Regex TelemetryName();

    [GeneratedRegex("\"swf:([A-Za-z]+)\"")]
    private static partial Regex IamAction();
}
