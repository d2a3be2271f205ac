namespace Swf.LocalServer;

/// <summary>When swf-local's journal (<c>--db</c>) forces what it wrote to the disk (<c>--journal-sync</c>).</summary>
/// <remarks>
/// Either way every accepted request is in the journal before it is answered, so a <c>kill -9</c> of swf-local loses
/// nothing. The two differ in what survives the machine losing power or its operating system crashing.
/// </remarks>
public enum JournalSync
{
    /// <summary>
    /// Every write is fsync'd before the requests it holds are answered (SQLite's <c>synchronous=FULL</c>): nothing
    /// answered is lost even to a power cut. Each write waits for the disk; concurrent requests share one write.
    /// </summary>
    Full,

    /// <summary>
    /// Writes reach the operating system before the requests are answered, and the disk at SQLite's checkpoints
    /// (<c>synchronous=NORMAL</c> with its write-ahead log): nothing answered is lost if swf-local is killed, but the
    /// last answered requests can be lost to a power cut or an operating-system crash. For tests and local
    /// development, where a write costs a fraction of <see cref="Full"/>'s.
    /// </summary>
    Normal,
}
