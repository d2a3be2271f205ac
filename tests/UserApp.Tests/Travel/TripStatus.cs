namespace UserApp.Tests.Travel;

/// <summary>How a trip ended.</summary>
public enum TripStatus
{
    /// <summary>Booked and paid.</summary>
    Booked,

    /// <summary>The traveler did not confirm in time; everything was released.</summary>
    Expired,

    /// <summary>The card was declined; everything was released.</summary>
    Declined,

    /// <summary>The visa was refused; everything was released.</summary>
    VisaRefused,
}
