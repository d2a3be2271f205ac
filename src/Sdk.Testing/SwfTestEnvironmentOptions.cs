using Swf.Exceptions;
using Swf.LocalEngine;

namespace Swf.Testing;

/// <summary>Settings of a <see cref="SwfTestEnvironment"/>.</summary>
public sealed class SwfTestEnvironmentOptions
{
    /// <summary>Gets or sets the domain the environment registers and runs in.</summary>
    public string Domain { get; set; } = "test";

    /// <summary>
    /// Gets the Lambda functions the environment's engine runs in process, by the name workflows pass to
    /// <c>Workflow.ExecuteLambdaAsync</c> (see <see cref="LocalSwfEngineOptions.LambdaFunctions"/>); a name
    /// not here fails the Lambda task with LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION.
    /// </summary>
    /// <remarks>
    /// As an activity does, a function runs to its end before the environment skips time. To make one outlast its
    /// start-to-close timeout, advance <see cref="SwfTestEnvironment.Clock"/> inside it: the timeout is recorded then,
    /// its token is cancelled, and what the function returns afterwards is dropped.
    /// </remarks>
    public IDictionary<string, LocalLambdaFunction> LambdaFunctions { get; } = new Dictionary<string, LocalLambdaFunction>(StringComparer.Ordinal);

    /// <summary>Gets or sets the clock's start.</summary>
    public DateTimeOffset StartTime { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets or sets the most worker steps one run may take before the environment reports the workflow as stuck in a loop.</summary>
    public int MaxSteps { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets how many running instances the decider keeps in memory. 0 replays every decision task from
    /// event 1, as a decider that just restarted would: a quick way to prove the code replays (GetVersion,
    /// side effects, markers) in every test.
    /// </summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how long workflow code may run without yielding before its decision task fails with a
    /// <see cref="WorkflowDeadlockException"/> (the awaiting call throws it inside a <see cref="WorkflowTaskFailedException"/>);
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off (for stepping through workflow code in a debugger).
    /// </summary>
    public TimeSpan DeadlockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the history length (in events) from which the decider's <c>Workflow.Info.IsContinueAsNewSuggested</c>
    /// is true (default 10,000, as a worker's): set a small value to test that a long-running workflow rolls over by itself.
    /// </summary>
    public int ContinueAsNewSuggestedAfterEvents { get; set; } = Worker.WorkflowWorkerOptions.DefaultContinueAsNewSuggestedAfterEvents;

    /// <summary>
    /// Gets or sets the clock of the deadlock watchdog: the system clock by default, not the environment's fake
    /// <see cref="SwfTestEnvironment.Clock"/>, which only moves between tasks. A test of the watchdog passes a fake
    /// clock and advances it past <see cref="DeadlockTimeout"/> while workflow code blocks.
    /// </summary>
    public TimeProvider WatchdogTimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the payload pipeline (codecs, claim check) of the environment's client and workers; null uses
    /// the one the builder configured (<c>AddPayloadCodec</c>, <c>UsePayloadStore</c>), by default none.
    /// </summary>
    public Swf.Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>
    /// Gets the interceptors of the environment's client and workers, outermost first; those added to the builder with
    /// <c>AddInterceptor</c> come after them (see docs/interceptors.md).
    /// </summary>
    public IList<Swf.Interceptors.ISwfInterceptor> Interceptors { get; } = new List<Swf.Interceptors.ISwfInterceptor>();
}
