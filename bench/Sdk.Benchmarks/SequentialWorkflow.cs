using System.Globalization;
using Swf.Activities;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Benchmarks;

/// <summary>
/// The workflow every benchmark runs: n activities one after another, each given the previous result
/// (JSON strings through the payload converter, as Temporal's twin converts its payloads).
/// </summary>
public sealed class SequentialWorkflow
{
    /// <summary>The workflow type.</summary>
    public static readonly WorkflowType Type = new() { Name = "Sequential", Version = "1" };

    /// <summary>The activity type.</summary>
    public static readonly ActivityType Step = new() { Name = "Step", Version = "1" };

    /// <summary>Gets the definition the workers and the replayer use.</summary>
    public static WorkflowDefinition Definition { get; } = new()
    {
        WorkflowType = Type,
        CreateInstance = () => new SequentialWorkflow(),
        Run = (w, input) => ((SequentialWorkflow)w).RunAsync(int.Parse(input!, CultureInfo.InvariantCulture)),
    };

    /// <summary>Gets the activity: returns its input (a number) plus one.</summary>
    public static ActivityDefinition StepActivity { get; } = new()
    {
        ActivityType = Step,
        Execute = (_, input) => Task.FromResult<string?>(Quote(int.Parse(input!.Trim('"'), CultureInfo.InvariantCulture) + 1)),
    };

    /// <summary>Runs the activities.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The encoded last result.</returns>
    public async Task<string?> RunAsync(int count)
    {
        var last = "0";
        for (var i = 0; i < count; i++)
        {
            last = await Workflow.ExecuteActivityAsync<string, string>(Step, last) ?? "0";
        }

        return Quote(last);
    }

    /// <summary>Encodes a value as the JSON string the payload converter writes.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON string.</returns>
    public static string Quote(object? value) => string.Create(CultureInfo.InvariantCulture, $"\"{value}\"");
}
