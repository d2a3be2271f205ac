using System.Globalization;

namespace UserApp.Tests.Travel;

/// <summary>
/// Stands for the travel desk's back-ends (airline, hotel, bank, consulate): records every call, and answers as a
/// test sets it up. One per environment.
/// </summary>
public sealed class TravelDesk
{
    private readonly Lock _lock = new();
    private readonly List<string> _calls = [];
    private readonly Queue<Exception> _chargeFailures = new();
    private readonly Queue<decimal> _fares = new();

    /// <summary>Gets every call, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Makes the next charges fail with these errors, one each.</summary>
    public void FailChargesWith(params Exception[] failures)
    {
        lock (_lock)
        {
            foreach (var failure in failures)
            {
                _chargeFailures.Enqueue(failure);
            }
        }
    }

    /// <summary>Sets the fares the next quotes return, one each.</summary>
    public void QuoteFares(params decimal[] fares)
    {
        lock (_lock)
        {
            foreach (var fare in fares)
            {
                _fares.Enqueue(fare);
            }
        }
    }

    internal void Record(string call)
    {
        lock (_lock)
        {
            _calls.Add(call);
        }
    }

    internal Exception? NextChargeFailure()
    {
        lock (_lock)
        {
            return _chargeFailures.TryDequeue(out var failure) ? failure : null;
        }
    }

    internal decimal NextFare()
    {
        lock (_lock)
        {
            return _fares.TryDequeue(out var fare) ? fare : 999m;
        }
    }

    internal int CountCalls(string prefix)
    {
        lock (_lock)
        {
            return _calls.Count(c => c.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
