using Swf.Activities;

namespace SwfWorker.Greetings;

/// <summary>
/// The greeting activities: ordinary code that may do I/O, run by an activity worker. The source generator
/// writes the workflow-side proxy and the worker-side dispatcher. Timeouts are SWF's, as TimeSpan strings.
/// </summary>
[Activities(Version = "1", TaskList = "greetings", ScheduleToStartTimeout = "00:05:00", StartToCloseTimeout = "00:01:00", ScheduleToCloseTimeout = "00:10:00")]
public interface IGreetingActivities
{
    /// <summary>Writes the greeting for a name.</summary>
    /// <param name="name">Who to greet.</param>
    /// <returns>The greeting.</returns>
    Task<string> ComposeGreetingAsync(string name);
}
