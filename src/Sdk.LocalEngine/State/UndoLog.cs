namespace Swf.LocalEngine.State;

/// <summary>
/// What makes each engine call all or nothing. While a call applies its changes (inside
/// <see cref="Run{T}"/>), every change to the engine's state records how to take it back: each
/// state object records its own fields before a transition changes them, and each collection change
/// records the opposite change. If the call fails, the records are played back newest first, which
/// puts every object, collection and counter back as it was when the call began; if it succeeds, they
/// are dropped.
/// </summary>
/// <remarks>
/// <para>
/// The engine first checks a request completely (the model's constraints, then the operation's own
/// rules, such as every decision of a batch) and computes what it needs before it changes anything,
/// so a request SWF would refuse fails before any change. The log is the safety net for what that
/// cannot rule out: a bug in the engine that throws half-way, which without it would leave half a
/// decision batch recorded (events with no task open) or a DecisionTaskStarted with no token handed
/// out.
/// </para>
/// <para>
/// Undoing costs only what the call changed, unlike copying the state before each call, and a
/// rebuild from the journal would need the whole journal at hand. The price is discipline: every
/// mutation of engine state goes through a method that records its undo, and the engine's
/// atomicity tests inject a fault at every step of every kind of call to catch one that does not.
/// Nothing the log plays back may fail or have effects outside the engine's state; the one effect
/// that cannot be taken back, waking a waiting poller, is harmless because a poller that wakes
/// without a task waits again.
/// </para>
/// <para>Used only under the engine's lock, like the state it guards.</para>
/// </remarks>
internal sealed class UndoLog
{
    private readonly List<Action> _undo = [];
    private int _scopes;
    private bool _undoing;

    /// <summary>Gets a value indicating whether changes are recorded now: inside <see cref="Run{T}"/>, and not while undoing.</summary>
    public bool IsRecording => _scopes > 0 && !_undoing;

    /// <summary>Records how to take back a change that was just made (or is about to be).</summary>
    /// <param name="undo">Takes the change back. It must not fail.</param>
    public void Record(Action undo)
    {
        if (IsRecording)
        {
            _undo.Add(undo);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> so that it takes effect entirely or not at all: if it throws, every
    /// change it made is taken back before the exception goes on. Scopes nest; an inner scope that
    /// fails takes back only its own changes.
    /// </summary>
    /// <typeparam name="T">What the body returns.</typeparam>
    /// <param name="body">The changes.</param>
    /// <returns>What the body returned.</returns>
    public T Run<T>(Func<T> body)
    {
        var mark = _undo.Count;
        _scopes++;
        try
        {
            return body();
        }
        catch
        {
            RollBack(mark);
            throw;
        }
        finally
        {
            _scopes--;
            if (_scopes == 0)
            {
                // The outermost scope ended: what it did stands (or was taken back), nothing is left to undo.
                _undo.Clear();
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> entirely or not at all, as <see cref="Run{T}"/> does.</summary>
    /// <param name="body">The changes.</param>
    public void Run(Action body) => Run(() =>
    {
        body();
        return true;
    });

    private void RollBack(int mark)
    {
        _undoing = true;
        try
        {
            for (var i = _undo.Count - 1; i >= mark; i--)
            {
                _undo[i]();
            }
        }
        finally
        {
            _undo.RemoveRange(mark, _undo.Count - mark);
            _undoing = false;
        }
    }
}
