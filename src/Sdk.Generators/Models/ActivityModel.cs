namespace Swf.Generators.Models;

/// <summary>One activity method of an <c>[Activities]</c> interface with its type and registration defaults.</summary>
internal sealed record ActivityModel(
    string TypeName,
    string Version,
    string? TaskList,
    long? ScheduleToStartTimeoutSeconds,
    long? ScheduleToCloseTimeoutSeconds,
    long? StartToCloseTimeoutSeconds,
    long? HeartbeatTimeoutSeconds,
    int? TaskPriority,
    string? Description,
    MethodModel Method);
