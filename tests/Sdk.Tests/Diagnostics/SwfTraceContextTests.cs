using System.Diagnostics;
using Swf.Diagnostics;

namespace Swf.Tests.Diagnostics;

public sealed class SwfTraceContextTests
{
    [Fact]
    public void Inject_ThenExtract_SameTraceSpanFlagsAndStateAsRemoteParent()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=1");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);

        SwfTraceContext.Inject(context, headers);
        var read = SwfTraceContext.Extract(headers);

        Assert.Equal($"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-01", headers["traceparent"]);
        Assert.Equal("vendor=1", headers["tracestate"]);
        Assert.Equal(context.TraceId, read.TraceId);
        Assert.Equal(context.SpanId, read.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, read.TraceFlags);
        Assert.Equal("vendor=1", read.TraceState);
        Assert.True(read.IsRemote);
    }

    [Fact]
    public void Inject_EmptyContext_WritesNothing()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);

        SwfTraceContext.Inject(default, headers);

        Assert.Empty(headers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    public void Extract_MissingOrMalformed_DefaultContext(string? traceParent)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (traceParent is not null)
        {
            headers["traceparent"] = traceParent;
        }

        Assert.Equal(default, SwfTraceContext.Extract(headers));
    }
}
