using System.Security.Cryptography;
using Swf.LocalEngine.Journal;

namespace Swf.LocalEngine;

/// <summary>Settings of a <see cref="LocalSwfEngine"/>. The defaults are SWF's documented quotas.</summary>
public sealed class LocalSwfEngineOptions
{
    /// <summary>Gets or sets the 12-digit account id used in domain ARNs.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>
    /// Gets or sets the journal that receives every state-changing step of the engine, so that a
    /// durable store can rebuild it after a restart with <see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, EngineSnapshot?, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>; null
    /// (the default) journals nothing.
    /// </summary>
    public IEngineJournal? Journal { get; set; }

    /// <summary>
    /// Gets the Lambda functions the engine runs in process, by the name a <c>ScheduleLambdaFunction</c> decision gives
    /// (compared exactly, case-sensitive: a function's name or the ARN the workflow uses). A decision naming no
    /// function here fails with LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION, as it does when none is registered.
    /// </summary>
    /// <remarks>
    /// Functions run outside the engine and their results are not journaled, so an engine with functions cannot have a
    /// <see cref="Journal"/> nor be restored from one (its constructor and <c>LocalSwfEngine.Restore</c> refuse).
    /// The engine does not check the run's <c>lambdaRole</c>: there is no IAM behind it.
    /// </remarks>
    public IDictionary<string, LocalLambdaFunction> LambdaFunctions { get; } = new Dictionary<string, LocalLambdaFunction>(StringComparer.Ordinal);

    /// <summary>Gets or sets the longest a poll waits for a task before returning an empty one (SWF: 60 seconds).</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets the clock long polls wait on (for <see cref="LongPollTimeout"/>); null (the
    /// default) uses <see cref="TimeProvider"/>.
    /// </summary>
    /// <remarks>
    /// A long poll is a connection a real client holds open, and the client gives up on it by its
    /// own clock (SWF's clients after about 70 seconds). On a clock that only moves when told, a poll
    /// on the engine's clock would never end; swf-local's manual and skipping clocks therefore let
    /// polls wait on the system clock, while timestamps, timers and timeouts follow the engine's.
    /// </remarks>
    public TimeProvider? LongPollTimeProvider { get; set; }

    /// <summary>Gets or sets the number of domains an account may have (SWF: 100).</summary>
    public int MaxDomains { get; set; } = 100;

    /// <summary>
    /// Gets or sets a value indicating whether history pages hand out the engine's own event objects instead of
    /// copies. An event is never changed once it is in a history, so this is safe for a caller that only reads
    /// them, as swf-local does when it serializes an answer; a caller that could change them gets copies (the default).
    /// </summary>
    internal bool ShareHistoryEvents { get; set; }

    /// <summary>Gets or sets the number of events a run's history may reach before SWF terminates it with EVENT_LIMIT_EXCEEDED (SWF: 25,000).</summary>
    public int MaxHistoryEvents { get; set; } = 25_000;

    /// <summary>Gets or sets the number of open activity tasks a run may have (SWF: 1,000).</summary>
    public int MaxOpenActivityTasks { get; set; } = 1_000;

    /// <summary>Gets or sets the number of open child executions a run may have (SWF: 1,000).</summary>
    public int MaxOpenChildWorkflowExecutions { get; set; } = 1_000;

    /// <summary>Gets or sets the number of open executions a domain may have (SWF: 100,000).</summary>
    public int MaxOpenExecutionsPerDomain { get; set; } = 100_000;

    /// <summary>Gets or sets the number of open Lambda tasks a run may have (1,000, as for activity tasks).</summary>
    public int MaxOpenLambdaFunctions { get; set; } = 1_000;

    /// <summary>Gets or sets the number of open timers a run may have (SWF: 1,000).</summary>
    public int MaxOpenTimers { get; set; } = 1_000;

    /// <summary>Gets or sets the number of concurrent polls a task list accepts (SWF: 1,000).</summary>
    public int MaxPollersPerTaskList { get; set; } = 1_000;

    /// <summary>Gets or sets the number of workflow types, and separately of activity types, a domain may have (SWF: 10,000).</summary>
    public int MaxTypesPerDomain { get; set; } = 10_000;

    /// <summary>Gets or sets the region used in domain ARNs.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Gets or sets the generator of run ids. The default makes SWF-like ids: 32 random bytes in
    /// base64 (44 characters; SWF allows up to 64). A test may plug in a predictable sequence.
    /// </summary>
    public Func<string> RunIdGenerator { get; set; } = static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Gets or sets the clock. Event timestamps, timeouts, timers and long polls all use it, so a
    /// test with a fake clock can fire a 30-day timer by advancing it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the engine's <see cref="LocalSwfEngine.FaultHook"/> from the start, so that a test can fail a step of a journal's replay.</summary>
    internal Action<string>? FaultHook { get; set; }
}
