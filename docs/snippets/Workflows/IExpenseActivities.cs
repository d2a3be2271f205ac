using Swf.Activities;

namespace Docs.Snippets.Workflows;

[Activities(TaskList = "expenses", ScheduleToStartTimeout = "01:00:00", StartToCloseTimeout = "00:01:00", ScheduleToCloseTimeout = "02:00:00")]
public interface IExpenseActivities
{
    Task RemindAsync(string approver);

    Task<string> PayAsync(decimal amount);
}
