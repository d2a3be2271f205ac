namespace Swf.LocalEngine.State;

/// <summary>
/// The error of a state transition asked for from a phase that does not allow it. The engine checks
/// SWF's rules (and answers with SWF's faults) before it asks a state for a transition, so reaching
/// this is always a bug in the engine, never a caller's mistake.
/// </summary>
internal static class IllegalTransition
{
    /// <summary>Creates the error.</summary>
    /// <param name="subject">What was asked, such as <c>activity task a1 of run r1</c>.</param>
    /// <param name="transition">The transition, such as <c>Start</c>.</param>
    /// <param name="phase">The phase the subject is in.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException Create(string subject, string transition, object phase) =>
        new($"Engine bug: {subject} cannot {transition} from {phase}.");
}
