using System.Text.Json;
using Swf.Exceptions;
using Swf.Model;
using Swf.Worker;

namespace Swf.Tests.Exceptions;

public class FailureInfoTests
{
    private static readonly ActivityType Charge = new() { Name = "Charge", Version = "1" };

    private sealed class PaymentDeclinedException(string message, Exception? inner = null) : Exception(message, inner);

    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public void FromSwf_DetailsTheSdkWrote_ReadsTypeMessageStackTraceAndInnerFailures()
    {
        var thrown = Thrown(() => new PaymentDeclinedException("card expired", new TimeoutException("issuer did not answer")));
        var (reason, details) = FailureConverter.FromException(thrown);

        var failure = FailureInfo.FromSwf(reason, details);

        Assert.Equal(typeof(PaymentDeclinedException).FullName, reason);
        Assert.Equal(typeof(PaymentDeclinedException).FullName, failure.Type);
        Assert.Equal("PaymentDeclinedException", failure.ShortType);
        Assert.Equal("card expired", failure.Message);
        Assert.Contains(nameof(Thrown), failure.StackTrace, StringComparison.Ordinal);
        Assert.Equal(new FailureInfo("System.TimeoutException", "issuer did not answer"), failure.Inner);
        Assert.Equal("PaymentDeclinedException: card expired", failure.Summary);
    }

    [Fact]
    public void FromException_Details_KeepTheFieldsEarlierVersionsRead()
    {
        var (_, details) = FailureConverter.FromException(Thrown(() => new InvalidOperationException("no stock")));

        using var json = JsonDocument.Parse(details);
        Assert.Equal("no stock", json.RootElement.GetProperty("message").GetString());
        Assert.Contains(nameof(Thrown), json.RootElement.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromSwf_DetailsOfAnEarlierVersion_TakeTheTypeFromTheReason()
    {
        var failure = FailureInfo.FromSwf("Shop.OutOfStockException", "{\"message\":\"SKU-1 is out of stock\",\"stackTrace\":\"   at Shop.Ship()\"}");

        Assert.Equal(new FailureInfo("Shop.OutOfStockException", "SKU-1 is out of stock", "   at Shop.Ship()"), failure);
        Assert.Equal("OutOfStockException: SKU-1 is out of stock", failure.Summary);
    }

    [Fact]
    public void FromSwf_JavaFlowDetails_KeepTheRawText()
    {
        // What the AWS Flow Framework for Java records: its data converter's encoding of the Throwable.
        const string details = "[\"java.lang.IllegalStateException\",{\"cause\":null,\"stackTrace\":[],\"message\":\"boom\",\"localizedMessage\":\"boom\"}]";

        var failure = FailureInfo.FromSwf("java.lang.IllegalStateException", details);

        Assert.Equal(new FailureInfo("java.lang.IllegalStateException", details), failure);
        Assert.Equal("IllegalStateException: " + details, failure.Summary);
    }

    [Theory]
    [InlineData("card declined by bank 2.1", "see the bank's answer", "card declined by bank 2.1: see the bank's answer")]
    [InlineData(null, "plain text from a person", "plain text from a person")]
    [InlineData("Timeout", null, "Timeout")]
    [InlineData(null, null, "unknown failure")]
    [InlineData("Shop.Broken", "{not json", "Broken: {not json")]
    public void FromSwf_NotTheSdksDetails_DegradesToTheRawText(string? reason, string? details, string summary)
    {
        var failure = FailureInfo.FromSwf(reason, details);

        Assert.Equal(reason, failure.Type);
        Assert.Equal(details ?? string.Empty, failure.Message);
        Assert.Null(failure.Inner);
        Assert.Equal(summary, failure.Summary);
    }

    [Fact]
    public void ActivityFailedException_SdkDetails_MessageIsTypeAndMessageWithoutJsonOrStackTrace()
    {
        var (reason, details) = FailureConverter.FromException(Thrown(() => new PaymentDeclinedException("card expired")));

        var ex = new ActivityFailedException(Charge, "1", reason, details);

        Assert.Equal("PaymentDeclinedException: card expired", ex.Message);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(details, ex.Details);
        Assert.Equal("card expired", ex.Failure.Message);
    }

    [Fact]
    public void WorkflowFailedException_WorkflowFailedWithAnActivityFailure_NestsTheActivitysFailure()
    {
        var (activityReason, activityDetails) = FailureConverter.FromException(Thrown(() => new PaymentDeclinedException("card expired")));
        var activityFailure = new ActivityFailedException(Charge, "1", activityReason, activityDetails);
        var (reason, details) = FailureConverter.FromException(Thrown(() => activityFailure));

        var ex = new WorkflowFailedException(new WorkflowExecution { WorkflowId = "order-1", RunId = "r1" }, reason, details);

        Assert.Equal("ActivityFailedException: PaymentDeclinedException: card expired", ex.Message);
        Assert.Equal(activityReason, ex.Reason);
        Assert.Equal(typeof(ActivityFailedException).FullName, ex.Failure.Type);
        Assert.Equal(typeof(PaymentDeclinedException).FullName, ex.Failure.Inner!.Type);
        Assert.Equal("card expired", ex.Failure.Inner.Message);
        Assert.DoesNotContain("\\u0022", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromException_HugeFailure_FitsSwfsDetailsLimitAndStillDecodes()
    {
        var (_, details) = FailureConverter.FromException(Thrown(() => new InvalidOperationException(new string('x', 40_000), new TimeoutException("inner"))));

        var failure = FailureInfo.FromSwf("System.InvalidOperationException", details);

        Assert.True(details.Length <= FailureConverter.MaxDetailsLength, $"{details.Length} characters");
        Assert.StartsWith("xxxx", failure.Message, StringComparison.Ordinal);
    }
}
