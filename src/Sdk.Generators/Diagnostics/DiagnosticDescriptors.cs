using Microsoft.CodeAnalysis;

namespace Swf.Generators.Diagnostics;

/// <summary>
/// Every diagnostic of the Swf.Sdk generator and analyzers. IDs are stable and tracked in
/// AnalyzerReleases.*.md: SWF1xxx are usage errors and warnings about [Workflow] and [Activities]
/// types, SWF2xxx are determinism rules for workflow code. Every determinism message ends in a
/// <c>{1}</c> that is empty for code in a <c>[Workflow]</c> class and names the helper and the
/// workflow member it is reached from otherwise (see <c>DeterminismAnalyzer</c>).
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The base of help links: each rule has an anchor in docs/diagnostics.md.</summary>
    public const string HelpLinkBase = "docs/diagnostics.md#";

    public const string UsageCategory = "Swf.Usage";
    public const string DeterminismCategory = "Swf.Determinism";

    public static readonly DiagnosticDescriptor WorkflowNotPartial = Usage(
        "SWF1001", "Workflow class must be partial",
        "The [Workflow] class '{0}' must be declared partial so the generator can add its definition");

    public static readonly DiagnosticDescriptor MissingWorkflowRun = Usage(
        "SWF1002", "Workflow class has no [WorkflowRun] method",
        "The [Workflow] class '{0}' needs exactly one method marked [WorkflowRun]");

    public static readonly DiagnosticDescriptor SeveralWorkflowRuns = Usage(
        "SWF1003", "Workflow class has several [WorkflowRun] methods",
        "The [Workflow] class '{0}' has {1} methods marked [WorkflowRun]; keep exactly one");

    public static readonly DiagnosticDescriptor WorkflowRunReturnType = Usage(
        "SWF1004", "Workflow run method must return Task or Task<T>",
        "The [WorkflowRun] method '{0}' returns '{1}'; return Task or Task<T>");

    public static readonly DiagnosticDescriptor SignalReturnsValue = Usage(
        "SWF1005", "Signal method must return Task",
        "The [Signal] method '{0}' returns '{1}'; a signal has no result, so return Task");

    public static readonly DiagnosticDescriptor UnsupportedPayloadType = Usage(
        "SWF1006", "Unsupported parameter or return type",
        "'{0}' of method '{1}' cannot be a payload: {2}");

    public static readonly DiagnosticDescriptor ActivityReturnType = Usage(
        "SWF1007", "Activity method must return Task or Task<T>",
        "The activity method '{0}' returns '{1}'; return Task or Task<T>");

    public static readonly DiagnosticDescriptor DuplicateType = Usage(
        "SWF1008", "Duplicate type name and version",
        "{0} type '{1}' version '{2}' is declared by both '{3}' and '{4}'; SWF identifies a type by name and version, so give one another name or version");

    public static readonly DiagnosticDescriptor InvalidName = Usage(
        "SWF1009", "Invalid SWF name",
        "The {0} '{1}' is not a valid SWF name: {2}");

    public static readonly DiagnosticDescriptor InvalidVersion = Usage(
        "SWF1010", "Invalid SWF version",
        "The version '{0}' of '{1}' is not a valid SWF version: {2}");

    public static readonly DiagnosticDescriptor InvalidTaskList = Usage(
        "SWF1011", "Invalid task list name",
        "The task list '{0}' of '{1}' is not a valid SWF task list name: {2}");

    public static readonly DiagnosticDescriptor InvalidTimeout = Usage(
        "SWF1012", "Invalid timeout",
        "The {0} '{1}' of '{2}' is not a positive whole number of seconds in TimeSpan format, such as \"00:05:00\" or \"30.00:00:00\"");

    public static readonly DiagnosticDescriptor InvalidChildPolicy = Usage(
        "SWF1013", "Invalid child policy",
        "The child policy '{0}' of '{1}' is not one of TERMINATE, REQUEST_CANCEL or ABANDON");

    public static readonly DiagnosticDescriptor DuplicateSignal = Usage(
        "SWF1014", "Duplicate signal",
        "The [Workflow] class '{0}' has several [Signal] methods named or handling '{1}'; signal names and handler method names must be unique");

    public static readonly DiagnosticDescriptor InaccessibleType = Usage(
        "SWF1015", "Type must be visible to its assembly",
        "'{0}' must be public or internal, and so must the types containing it, because generated code registers it from outside the type");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Usage(
        "SWF1016", "Containing type must be partial",
        "'{0}' is nested in '{1}', which must be declared partial so generated types can sit beside it");

    public static readonly DiagnosticDescriptor GenericType = Usage(
        "SWF1017", "Generic workflow or activities type",
        "'{0}' is generic; [Workflow] classes and [Activities] interfaces cannot have type parameters because an SWF type has one fixed payload shape");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Usage(
        "SWF1018", "Workflow class needs a parameterless constructor",
        "The [Workflow] class '{0}' must be non-abstract with an accessible parameterless constructor; the runtime creates one instance per run");

    public static readonly DiagnosticDescriptor InstanceMethodRequired = Usage(
        "SWF1019", "Run and signal methods must be non-generic instance methods",
        "The method '{0}' must be a non-generic instance method to be a [WorkflowRun] or [Signal] handler");

    public static readonly DiagnosticDescriptor ActivitiesMemberNotMethod = Usage(
        "SWF1020", "Activities interface may only declare methods",
        "The [Activities] interface '{0}' declares or inherits '{1}', which is not a non-generic method; the generated proxy can only implement activity methods");

    public static readonly DiagnosticDescriptor PayloadTypeNotSerializable = new(
        "SWF1021", "Payload type has no source-generated JSON metadata",
        "The payload type '{0}' of '{1}' is not covered by any [JsonSerializable] on a JsonSerializerContext in this project; add [JsonSerializable(typeof({0}))] to your context and pass the context to JsonPayloadConverter, or Native AOT workers fail at run time",
        UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "swf1021", customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor TimeoutIsBareNumber = Usage(
        "SWF1022", "Timeout is a bare number",
        "The {0} \"{1}\" of '{2}' is a bare number, which would mean {3} days, not seconds: durations are TimeSpan strings; {4}");

    public static readonly DiagnosticDescriptor MissingRegistrationDefaults = new(
        "SWF1023", "Registration defaults SWF requires are missing",
        "{0} '{1}' sets no default {2}; SWF fails to start it unless every start passes them or the type is registered with them another way, so set them on the attribute, or set DefaultsRegisteredElsewhere = true when they are registered elsewhere",
        UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "swf1023");

    public static readonly DiagnosticDescriptor InvalidQuery = Usage(
        "SWF1024", "Invalid query",
        "The [Query] member '{0}' {1}");

    public static readonly DiagnosticDescriptor ClockAccess = Determinism(
        "SWF2001", "Clock read in workflow code",
        "'{0}' reads the machine clock, which differs on replay; use Workflow.UtcNow{1}");

    public static readonly DiagnosticDescriptor StopwatchUse = Determinism(
        "SWF2002", "Stopwatch in workflow code",
        "'{0}' measures real elapsed time, which differs on replay; subtract Workflow.UtcNow values instead{1}");

    public static readonly DiagnosticDescriptor NewGuid = Determinism(
        "SWF2003", "Guid.NewGuid in workflow code",
        "'{0}' returns a new value on replay; use Workflow.NewGuid(){1}");

    public static readonly DiagnosticDescriptor RandomUse = Determinism(
        "SWF2004", "Random in workflow code",
        "'{0}' gives other numbers on replay; use Workflow.Random{1}");

    public static readonly DiagnosticDescriptor ThreadPoolWork = Determinism(
        "SWF2005", "Work started off the workflow scheduler",
        "'{0}' runs code on the thread pool, outside the workflow's deterministic scheduler; await activities, child workflows or Workflow.DelayAsync, or move the work into an activity{1}");

    public static readonly DiagnosticDescriptor Sleep = Determinism(
        "SWF2006", "Delay or sleep in workflow code",
        "'{0}' waits on the machine clock and is not recorded in history; use Workflow.DelayAsync (a durable timer){1}");

    public static readonly DiagnosticDescriptor ConfigureAwaitFalse = Determinism(
        "SWF2007", "ConfigureAwait(false) in workflow code",
        "ConfigureAwait(false) resumes on the thread pool, off the workflow's scheduler; await without ConfigureAwait in workflow code{1}");

    public static readonly DiagnosticDescriptor ParallelUse = Determinism(
        "SWF2008", "Parallel in workflow code",
        "'{0}' runs code on several threads; start the workflow tasks and await Task.WhenAll instead{1}");

    public static readonly DiagnosticDescriptor TimerUse = Determinism(
        "SWF2009", "Timer in workflow code",
        "'{0}' fires on the machine clock, outside history; use Workflow.DelayAsync (a durable timer){1}");

    public static readonly DiagnosticDescriptor HttpUse = Determinism(
        "SWF2010", "Network I/O in workflow code",
        "'{0}' does network I/O, whose result is not recorded in history; call it from an activity{1}");

    public static readonly DiagnosticDescriptor FileUse = Determinism(
        "SWF2011", "File I/O in workflow code",
        "'{0}' reads or writes files, which are not recorded in history; do it in an activity{1}");

    public static readonly DiagnosticDescriptor ConsoleUse = Determinism(
        "SWF2012", "Console in workflow code",
        "'{0}' writes again on every replay; use Workflow.Logger, which is quiet while replaying{1}");

    public static readonly DiagnosticDescriptor EnvironmentUse = Determinism(
        "SWF2013", "Environment in workflow code",
        "'{0}' can differ between the machines that replay a run; pass the value in the workflow's input, read it in an activity, or use Workflow.SideEffect{1}");

    public static readonly DiagnosticDescriptor MutableStaticState = Determinism(
        "SWF2014", "Mutable static state in workflow code",
        "The static field '{0}' is mutable and shared between runs and replays; keep state in instance fields, or make it readonly or const{1}");

    public static readonly DiagnosticDescriptor CancelAsync = Determinism(
        "SWF2015", "CancellationTokenSource.CancelAsync in workflow code",
        "'{0}' runs the cancellation callbacks on the thread pool, outside the workflow's deterministic scheduler; call Cancel() instead{1}");

    public static readonly DiagnosticDescriptor BlockingTaskWait = Determinism(
        "SWF2016", "Blocking wait on a task in workflow code",
        "'{0}' blocks the workflow's only thread until the task completes, and workflow tasks complete only when that thread runs on; await the task instead (Task.WhenAll or Task.WhenAny for several){1}");

    public static readonly DiagnosticDescriptor BlockingSynchronization = Determinism(
        "SWF2017", "Thread synchronization in workflow code",
        "'{0}' waits on a thread synchronization primitive, which blocks the workflow's only thread or resumes it off the workflow's scheduler; keep the state in fields and wait with Workflow.WaitConditionAsync{1}");

    public static readonly DiagnosticDescriptor ConfigureAwaitOptionsUse = Determinism(
        "SWF2018", "ConfigureAwait(ConfigureAwaitOptions) in workflow code",
        "'{0}' resumes on the thread pool, off the workflow's scheduler, because the options lack ContinueOnCapturedContext; await without ConfigureAwait in workflow code{1}");

    private static DiagnosticDescriptor Usage(string id, string title, string message) =>
        new(id, title, message, UsageCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Determinism(string id, string title, string message) =>
        new(id, title, message, DeterminismCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
