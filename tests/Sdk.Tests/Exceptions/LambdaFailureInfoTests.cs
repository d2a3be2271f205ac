using Swf.Exceptions;

namespace Swf.Tests.Exceptions;

/// <summary>The error documents AWS Lambda records for a function that failed, read by <see cref="FailureInfo.FromSwf"/>.</summary>
public class LambdaFailureInfoTests
{
    [Fact]
    public void FromSwf_LambdaErrorWithStackTraceLines_ReadsTypeMessageAndJoinsTheLines()
    {
        const string Details = """{"errorType":"ValueError","errorMessage":"bad input","stackTrace":["  File \"app.py\", line 3, in handler","    raise ValueError()"]}""";

        var failure = FailureInfo.FromSwf("UnhandledError", Details);

        Assert.Equal("ValueError", failure.Type);
        Assert.Equal("bad input", failure.Message);
        Assert.Equal("  File \"app.py\", line 3, in handler\n    raise ValueError()", failure.StackTrace);
        Assert.Null(failure.Inner);
    }

    [Fact]
    public void FromSwf_LambdaErrorWithoutTypeAndWithCause_FallsBackToReasonAndReadsTheCause()
    {
        const string Details = """{"errorMessage":"outer","stackTrace":"at f()","cause":{"errorType":"IOError","errorMessage":"disk"}}""";

        var failure = FailureInfo.FromSwf("HandledError", Details);

        Assert.Equal(("HandledError", "outer", "at f()"), (failure.Type, failure.Message, failure.StackTrace));
        Assert.Equal(new FailureInfo("IOError", "disk"), failure.Inner);
    }

    [Fact]
    public void FromSwf_JsonWithNeitherShape_KeepsTheRawText()
    {
        const string Details = """{"status":"broken"}""";

        var failure = FailureInfo.FromSwf("Oops", Details);

        Assert.Equal(Details, failure.Message);
    }
}
