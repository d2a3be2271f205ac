using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Swf.Diagnostics;

/// <summary>
/// The SDK's traces and metrics, ready for OpenTelemetry: add the source and the meter named
/// <see cref="Name"/> (<c>AddSource("Swf.Sdk")</c>, <c>AddMeter("Swf.Sdk")</c>).
/// </summary>
public static class SwfTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Swf.Sdk";

    /// <summary>Gets the source of the SDK's spans: one per decision task and per activity task.</summary>
    internal static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Gets the SDK's meter.</summary>
    internal static Meter Meter { get; } = new(Name);

    /// <summary>Gets the time to answer a decision task, from poll response to the answer, in milliseconds.</summary>
    internal static Histogram<double> DecisionLatency { get; } = Meter.CreateHistogram<double>("swf.decision_task.duration", "ms", "Time to answer a decision task");

    /// <summary>Gets the number of history events applied per decision task (small on a cache hit).</summary>
    internal static Histogram<long> ReplayLength { get; } = Meter.CreateHistogram<long>("swf.decision_task.replayed_events", "{event}", "History events applied per decision task");

    /// <summary>Gets the decision tasks handled, tagged with their outcome.</summary>
    internal static Counter<long> DecisionTasks { get; } = Meter.CreateCounter<long>("swf.decision_task.count", "{task}", "Decision tasks handled");

    /// <summary>
    /// Gets the decision tasks that failed and were left unanswered (and runs that broke between tasks), tagged
    /// with <c>error.type</c> (such as <c>NonDeterministicWorkflowException</c>) and <c>swf.workflow.type</c>.
    /// </summary>
    internal static Counter<long> DecisionTaskFailures { get; } = Meter.CreateCounter<long>("swf.decision_task.failures", "{task}", "Decision tasks that failed and were left unanswered");

    /// <summary>
    /// Gets the decision tasks answered without an execution context because of a query, tagged with <c>error.type</c>
    /// (the exception's type, or <c>too_large</c> when the context was over SWF's 32,768 characters),
    /// <c>swf.query.name</c> and <c>swf.workflow.type</c>.
    /// </summary>
    internal static Counter<long> QueryFailures { get; } = Meter.CreateCounter<long>("swf.query.failures", "{query}", "Queries that left a decision task without an execution context");

    /// <summary>
    /// Gets the warnings that a run's history is long, once per run and level: <c>swf.history.level</c> is
    /// <c>continue_as_new_suggested</c> (the worker's threshold) or <c>near_limit</c> (20,000 events; SWF stops at 25,000).
    /// </summary>
    internal static Counter<long> HistoryLengthWarnings { get; } = Meter.CreateCounter<long>("swf.workflow.history_length.warnings", "{run}", "Runs whose history passed the continue-as-new threshold or nears SWF's limit");

    /// <summary>Gets the activity tasks run, tagged with their outcome.</summary>
    internal static Counter<long> ActivityTasks { get; } = Meter.CreateCounter<long>("swf.activity_task.count", "{task}", "Activity tasks run");

    /// <summary>Gets the time activity tasks took, in milliseconds.</summary>
    internal static Histogram<double> ActivityLatency { get; } = Meter.CreateHistogram<double>("swf.activity_task.duration", "ms", "Time to run an activity task");

    /// <summary>Gets how long long polls took, in milliseconds, tagged with the kind of task.</summary>
    internal static Histogram<double> PollLatency { get; } = Meter.CreateHistogram<double>("swf.poll.duration", "ms", "Time a long poll took");
}
