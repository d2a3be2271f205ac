using Microsoft.Extensions.DependencyInjection;
using Swf.Activities;

namespace Swf.Hosting;

/// <summary>Runs each activity task in its own DI scope, so scoped services live exactly as long as the task.</summary>
internal static class ActivityScope
{
    private static readonly AsyncLocal<IServiceProvider?> CurrentProvider = new();

    /// <summary>Gets the services of the task running on this async flow.</summary>
    public static IServiceProvider Current => CurrentProvider.Value
        ?? throw new InvalidOperationException("An activity implementation was requested outside an activity task.");

    /// <summary>Wraps definitions so that each task runs inside a new scope.</summary>
    public static IReadOnlyList<ActivityDefinition> PerTask(IReadOnlyList<ActivityDefinition> definitions, IServiceScopeFactory scopes) =>
        [.. definitions.Select(d => new ActivityDefinition
        {
            ActivityType = d.ActivityType,
            DefaultTaskList = d.DefaultTaskList,
            DefaultScheduleToStartTimeout = d.DefaultScheduleToStartTimeout,
            DefaultScheduleToCloseTimeout = d.DefaultScheduleToCloseTimeout,
            DefaultStartToCloseTimeout = d.DefaultStartToCloseTimeout,
            DefaultHeartbeatTimeout = d.DefaultHeartbeatTimeout,
            DefaultTaskPriority = d.DefaultTaskPriority,
            Description = d.Description,
            Execute = async (context, input) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                CurrentProvider.Value = scope.ServiceProvider;
                try
                {
                    return await d.Execute(context, input).ConfigureAwait(false);
                }
                finally
                {
                    CurrentProvider.Value = null;
                }
            },
        })];
}
