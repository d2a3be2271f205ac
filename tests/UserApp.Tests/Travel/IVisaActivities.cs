using Swf.Activities;

namespace UserApp.Tests.Travel;

/// <summary>The visa office's steps, run by workers of the <c>visa-office</c> task list.</summary>
[Activities(TaskList = "visa-office", ScheduleToStartTimeout = "01:00:00", ScheduleToCloseTimeout = "02:00:00", StartToCloseTimeout = "00:01:00")]
public interface IVisaActivities
{
    /// <summary>Files the application with the consulate; returns its number.</summary>
    Task<string> SubmitApplicationAsync(VisaApplication application);

    Task WithdrawApplicationAsync(string applicationId);

    /// <summary>Tells the traveler what the consulate decided (added in a later version of the code).</summary>
    Task NotifyTravelerAsync(VisaApplication application, VisaDecision decision);
}
