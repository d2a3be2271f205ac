using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Tests.Serialization;

public class SwfJsonResponsesTests
{
    [Fact]
    public void For_EventMissingARequiredMember_ReadsItUnset()
    {
        // moto sends CancelTimerFailed without timerId; one odd event must not fail a whole history.
        const string json = """{"events":[{"eventId":5,"eventType":"CancelTimerFailed","eventTimestamp":1.5,"cancelTimerFailedEventAttributes":{"cause":"TIMER_ID_UNKNOWN","decisionTaskCompletedEventId":4}}]}""";

        var history = JsonSerializer.Deserialize(json, SwfJsonResponses.For<History>())!;

        var attributes = history.Events[0].CancelTimerFailedEventAttributes!;
        Assert.Equal(CancelTimerFailedCause.TimerIdUnknown, attributes.Cause);
        Assert.Null(attributes.TimerId);
    }

    [Fact]
    public void DefaultContext_RequestMissingARequiredMember_IsRejected()
    {
        // Requests stay strict, so the local server can answer them with a validation error.
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"domain":"d"}""", SwfJsonContext.Default.PollForDecisionTaskRequest));
    }
}
