using System.Globalization;

namespace UserApp.Tests.Travel;

/// <summary>Makes booking references: random, so workflows take one through Workflow.SideEffect, which records it.</summary>
public static class BookingReference
{
    public static string New() => "TRIP-" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
}
