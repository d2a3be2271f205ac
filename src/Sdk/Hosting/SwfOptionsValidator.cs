using Microsoft.Extensions.Options;

namespace Swf.Hosting;

/// <summary>Checks <see cref="SwfOptions"/> at start-up and names every field that is wrong.</summary>
internal sealed class SwfOptionsValidator : IValidateOptions<SwfOptions>
{
    public ValidateOptionsResult Validate(string? name, SwfOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            errors.Add("Swf:Domain is required: the SWF domain the workers use.");
        }

        if (options.DomainRetentionDays is < 0 or > 90)
        {
            errors.Add($"Swf:DomainRetentionDays must be from 0 to 90; it is {options.DomainRetentionDays}.");
        }

        var connection = options.Connection;
        var targets = (connection.UseLocalEngine ? 1 : 0) + (connection.Endpoint is null ? 0 : 1);
        if (targets > 1)
        {
            errors.Add("Swf:Connection: set either UseLocalEngine or Endpoint, not both.");
        }

        if (options.Decider.PollerCount < 1)
        {
            errors.Add($"Swf:Decider:PollerCount must be at least 1; it is {options.Decider.PollerCount}.");
        }

        if (options.Decider.DegradedAfterFailures < 1)
        {
            errors.Add($"Swf:Decider:DegradedAfterFailures must be at least 1; it is {options.Decider.DegradedAfterFailures}.");
        }

        if (options.Decider.DeadlockTimeout <= TimeSpan.Zero && options.Decider.DeadlockTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"Swf:Decider:DeadlockTimeout must be positive (or -00:00:00.001 to turn the watchdog off); it is {options.Decider.DeadlockTimeout}.");
        }

        foreach (var (taskList, worker) in options.ActivityWorkers)
        {
            if (worker.PollerCount < 1 || worker.MaxConcurrentTasks < 1)
            {
                errors.Add($"Swf:ActivityWorkers:{taskList}: PollerCount and MaxConcurrentTasks must be at least 1.");
            }
        }

        if (options.ShutdownGracePeriod < TimeSpan.Zero)
        {
            errors.Add("Swf:ShutdownGracePeriod must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
