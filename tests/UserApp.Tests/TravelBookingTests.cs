using Swf.Exceptions;
using Swf.Model;
using Swf.Testing;
using Swf.Worker;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>The travel desk's workflows end to end on the test environment, as the app's own tests would check them.</summary>
public sealed class TravelBookingTests
{
    [Fact]
    public async Task Booked_VisaGrantedCarAnsweredAndConfirmed_ChargesAfterABusyBankAndBooks()
    {
        await using var run = await TravelScenarios.BookedAsync();
        var result = await new TripWorkflowHandle(run.Handle, run.App.Environment.Definitions.PayloadConverter).GetResultAsync();

        Assert.Equal(TripStatus.Booked, result.Status);
        Assert.Equal("confirmed by Ada", result.Detail);
        Assert.Equal("CH-trip-1", result.ChargeId);
        Assert.Matches("^TRIP-[0-9]{6}$", result.Reference);
        Assert.Equal(["reserve car trip-1"], run.App.Partner.Calls);
        Assert.Equal(2, run.App.Desk.Calls.Count(c => c == "charge trip-1 1800.00"));
        Assert.Contains("notify Ada: visa granted", run.App.Desk.Calls);
        Assert.DoesNotContain(run.App.Desk.Calls, c => c.StartsWith("release", StringComparison.Ordinal));

        // Fan-out: flight, hotel and car were scheduled by the same decision; the visa is a child on its own list.
        var trip = await run.App.HistoryAsync(run.Histories["trip-booked"]);
        var firstDecision = trip.Where(e => e.ActivityTaskScheduledEventAttributes is not null).GroupBy(e => e.ActivityTaskScheduledEventAttributes!.DecisionTaskCompletedEventId).First();
        Assert.Equal(["BookingActivities.ReserveFlight", "BookingActivities.ReserveHotel", "CarRentalActivities.ReserveCar"], firstDecision.Select(e => e.ActivityTaskScheduledEventAttributes!.ActivityType.Name));
        var visa = await run.App.HistoryAsync(run.Histories["visa-granted"]);
        Assert.Equal("visas", visa[0].WorkflowExecutionStartedEventAttributes!.TaskList.Name);
        Assert.Equal("trip-1", visa[0].WorkflowExecutionStartedEventAttributes!.ParentWorkflowExecution!.WorkflowId);
        Assert.Single(trip, e => e.MarkerRecordedEventAttributes?.MarkerName == "SideEffect:1");
    }

    [Fact]
    public async Task Booked_DeciderWithoutCache_EveryTaskReplaysFromEventOneWithTheSameOutcome()
    {
        // Every decision task replays the run from event 1: the side effect, GetVersion's marker, the
        // child and the signals must all replay as they were decided.
        await using var run = await TravelScenarios.BookedAsync(new SwfTestEnvironmentOptions { CacheSize = 0 });
        var result = await new TripWorkflowHandle(run.Handle, run.App.Environment.Definitions.PayloadConverter).GetResultAsync();

        Assert.Equal(TripStatus.Booked, result.Status);
        Assert.Single(run.App.Desk.Calls, c => c == "notify Ada: visa granted");
        var visa = await run.App.HistoryAsync(run.Histories["visa-granted"]);
        Assert.Equal("1", Assert.Single(visa, e => e.MarkerRecordedEventAttributes?.MarkerName == "Version:notify-traveler").MarkerRecordedEventAttributes!.Details);
    }

    [Fact]
    public async Task Expired_NoConfirmationWithinADay_ReleasesWhatWasBooked()
    {
        await using var run = await TravelScenarios.ExpiredAsync();
        var start = run.App.Environment.Clock.GetUtcNow();
        var result = await new TripWorkflowHandle(run.Handle, run.App.Environment.Definitions.PayloadConverter).GetResultAsync();

        Assert.Equal(TripStatus.Expired, result.Status);
        Assert.Equal("not confirmed within a day", result.Detail);
        Assert.Contains("release flight FL-trip-2", run.App.Desk.Calls);
        Assert.Contains("release hotel HT-trip-2", run.App.Desk.Calls);
        Assert.DoesNotContain(run.App.Desk.Calls, c => c.StartsWith("charge", StringComparison.Ordinal));
        var history = await run.App.HistoryAsync(run.Histories["trip-expired"]);
        Assert.Equal("86400", Assert.Single(history, e => e.TimerStartedEventAttributes is not null).TimerStartedEventAttributes!.StartToFireTimeout);
        Assert.True(start >= new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Declined_CardDeclinedAfterABusyBank_NotRetriedAgainAndEverythingReleased()
    {
        await using var run = await TravelScenarios.DeclinedAsync();
        var result = await new TripWorkflowHandle(run.Handle, run.App.Environment.Definitions.PayloadConverter).GetResultAsync();

        Assert.Equal(TripStatus.Declined, result.Status);
        Assert.Equal("CardDeclinedException: card expired (after 2 attempts)", result.Detail);
        Assert.Equal(2, run.App.Desk.Calls.Count(c => c.StartsWith("charge trip-3", StringComparison.Ordinal)));
        Assert.Contains("release flight FL-trip-3", run.App.Desk.Calls);
        var history = await run.App.HistoryAsync(run.Histories["trip-declined"]);
        var failures = history.Where(e => e.ActivityTaskFailedEventAttributes is not null).Select(e => e.ActivityTaskFailedEventAttributes!.Reason).ToList();
        Assert.Equal(["UserApp.Tests.Travel.BankBusyException", "UserApp.Tests.Travel.CardDeclinedException"], failures);
    }

    [Fact]
    public async Task Canceled_WhileTheCarAndTheVisaArePending_TripEndsCanceledWithItsActivityAndChildCanceled()
    {
        await using var run = await TravelScenarios.CanceledAsync();

        await Assert.ThrowsAsync<WorkflowCanceledException>(() => run.Handle.GetResultAsync());
        var trip = (await run.App.HistoryAsync(run.Histories["trip-canceled"])).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.ActivityTaskCancelRequested, trip);
        Assert.Contains(EventType.ActivityTaskCanceled, trip);
        Assert.Contains(EventType.RequestCancelExternalWorkflowExecutionInitiated, trip);
        Assert.Contains(EventType.ChildWorkflowExecutionCanceled, trip);
        Assert.Equal(EventType.WorkflowExecutionCanceled, trip[^1]);
        var visa = (await run.App.HistoryAsync(run.Histories["visa-canceled"])).Select(e => e.EventType).ToList();
        Assert.Equal(EventType.WorkflowExecutionCanceled, visa[^1]);

        // The compensations ran after the cancellation (their proxies are not cancelled by the workflow's token).
        Assert.Contains("withdraw visa VA-trip-4", run.App.Desk.Calls);
        Assert.Contains("release flight FL-trip-4", run.App.Desk.Calls);
        Assert.Contains("release hotel HT-trip-4", run.App.Desk.Calls);
        Assert.Empty(run.App.Partner.Calls);
    }

    [Fact]
    public async Task FareWatch_FareDropsOnTheFifthCheck_ContinuesAsNewOnceThenAlerts()
    {
        await using var run = await TravelScenarios.FareWatchAsync();
        var alert = await run.App.FareWatches.GetHandle("fares-lis-nrt").GetResultAsync();

        Assert.Equal(new FareAlert("LIS-NRT", 395m, 5), alert);
        var first = await run.App.HistoryAsync(run.Histories["fare-watch-run-1"]);
        var second = await run.App.HistoryAsync(run.Histories["fare-watch-run-2"]);
        Assert.Equal(EventType.WorkflowExecutionContinuedAsNew, first[^1].EventType);
        Assert.Equal(run.Histories["fare-watch-run-1"].RunId, second[0].WorkflowExecutionStartedEventAttributes!.ContinuedExecutionRunId);
        Assert.Equal(EventType.WorkflowExecutionCompleted, second[^1].EventType);
    }

    [Fact]
    public async Task VisaBeforeNotification_HistoryOfTheOldCode_ReplaysFromEventOneWithTheNewCodeButNotWithANaiveChange()
    {
        await using var run = await TravelScenarios.VisaBeforeNotificationAsync();
        var execution = run.Histories["visa-before-notification"];
        var history = await run.App.HistoryAsync(execution);
        var converter = run.App.Environment.Definitions.PayloadConverter;

        Assert.DoesNotContain(history, e => e.EventType == EventType.MarkerRecorded);
        WorkflowReplayer.Replay(VisaWorkflow.SwfDefinition, history, execution, converter);
        var naive = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(VisaWorkflowBeforeNotification.Definition(notifyWithoutVersion: true), history, execution, converter));
        Assert.Contains("NotifyTraveler", naive.CodeDid, StringComparison.Ordinal);
    }
}
