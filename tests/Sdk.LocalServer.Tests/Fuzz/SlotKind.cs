namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>What a member of a request holds on the wire, which decides the malformed values tried on it.</summary>
internal enum SlotKind
{
    /// <summary>A free string, or a name (see <see cref="Slot.IsName"/>).</summary>
    String,

    /// <summary>A number of seconds as a string, or <c>NONE</c> (the members named <c>*Timeout</c>).</summary>
    Duration,

    /// <summary>An integer as a string (<c>taskPriority</c>, <c>workflowExecutionRetentionPeriodInDays</c>).</summary>
    NumericString,

    /// <summary>A JSON number that is an integer (<c>maximumPageSize</c>).</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A timestamp: epoch seconds, or an ISO 8601 string.</summary>
    Timestamp,

    /// <summary>One of an enum's documented values.</summary>
    Enum,

    /// <summary>A JSON array.</summary>
    List,

    /// <summary>A JSON object of the model.</summary>
    Object,
}
