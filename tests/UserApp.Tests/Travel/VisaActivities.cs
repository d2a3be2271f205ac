namespace UserApp.Tests.Travel;

/// <summary>The visa office's activities.</summary>
public sealed class VisaActivities(TravelDesk desk) : IVisaActivities
{
    public Task<string> SubmitApplicationAsync(VisaApplication application)
    {
        desk.Record($"submit visa {application.TripId} for {application.Traveler}");
        return Task.FromResult("VA-" + application.TripId);
    }

    public Task WithdrawApplicationAsync(string applicationId)
    {
        desk.Record("withdraw visa " + applicationId);
        return Task.CompletedTask;
    }

    public Task NotifyTravelerAsync(VisaApplication application, VisaDecision decision)
    {
        desk.Record($"notify {application.Traveler}: visa {(decision.Granted ? "granted" : "refused")}");
        return Task.CompletedTask;
    }
}
