using Swf.Client;

namespace Swf.Tests.Client;

public class SwfRetryOptionsTests
{
    private static readonly SwfRetryOptions Options = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(5, 1600)]
    [InlineData(6, 2000)]
    [InlineData(40, 2000)]
    [InlineData(int.MaxValue, 2000)]
    public void ComputeDelay_HighestRandom_ReachesTheCappedExponentialCeiling(int retry, int ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), Options.ComputeDelay(retry, 1.0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(30)]
    public void ComputeDelay_ZeroRandom_IsZero(int retry)
    {
        Assert.Equal(TimeSpan.Zero, Options.ComputeDelay(retry, 0.0));
    }

    [Fact]
    public void ComputeDelay_AnyRandom_StaysWithinZeroAndTheCeiling()
    {
        var random = new Random(1234);
        for (var retry = 1; retry <= 12; retry++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Options.MaxDelay.Ticks, Options.BaseDelay.Ticks << (retry - 1)));
            for (var i = 0; i < 200; i++)
            {
                var delay = Options.ComputeDelay(retry, random.NextDouble());
                Assert.InRange(delay, TimeSpan.Zero, ceiling);
            }
        }
    }

    [Fact]
    public void ComputeDelay_HalfRandom_IsHalfTheCeiling()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), Options.ComputeDelay(3, 0.5));
    }

    [Theory]
    [InlineData(-0.5, 0)]
    [InlineData(7.0, 400)]
    public void ComputeDelay_RandomOutsideZeroToOne_IsClamped(double random, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Options.ComputeDelay(3, random));
    }

    [Fact]
    public void ComputeDelay_RetryBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Options.ComputeDelay(0, 0.5));
    }

    [Fact]
    public void Defaults_NewOptions_FollowTheAwsStandardRetryMode()
    {
        var defaults = new SwfRetryOptions();

        Assert.Equal(3, defaults.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), defaults.MaxDelay);
    }
}
