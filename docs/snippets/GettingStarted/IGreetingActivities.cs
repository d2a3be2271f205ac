using Swf.Activities;

namespace Docs.Snippets.GettingStarted;

#region activities
// The type is "GreetingActivities.ComposeGreeting", version "1": the interface
// name without its "I", a dot, the method name without "Async". Timeouts are
// TimeSpan strings of whole seconds.
[Activities(
    TaskList = "greetings",
    ScheduleToStartTimeout = "00:05:00",
    StartToCloseTimeout = "00:00:30",
    ScheduleToCloseTimeout = "00:10:00")]
public interface IGreetingActivities
{
    Task<string> ComposeGreetingAsync(string name);
}
#endregion
