namespace Swf.LocalEngine;

/// <summary>A long poll waiting on a task list.</summary>
/// <param name="Identity">The identity the poller gave, or null when it gave none.</param>
/// <param name="PollingSince">When the poll started waiting, on the engine's clock.</param>
public sealed record TaskListPollerInfo(string? Identity, DateTimeOffset PollingSince);
