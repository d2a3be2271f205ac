using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Swf.Hosting;

/// <summary>
/// Reports the SWF workers as healthy while they run; degraded when the decision tasks of a run keep failing
/// (<see cref="SwfDeciderOptions.DegradedAfterFailures"/> in a row, until one succeeds or the run closes) or when
/// registrations differ from the code; unhealthy otherwise.
/// </summary>
internal sealed class SwfWorkersHealthCheck(SwfWorkerHost host, IOptions<SwfOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (host.State != SwfWorkerState.Running)
        {
            return host.State == SwfWorkerState.Faulted
                ? HealthCheckResult.Unhealthy("An SWF worker stopped with an error.", host.Failure)
                : HealthCheckResult.Unhealthy($"SWF workers are {host.State}.");
        }

        var threshold = options.Value.Decider.DegradedAfterFailures;
        var failing = await host.RunsFailingRepeatedlyAsync(threshold, cancellationToken).ConfigureAwait(false);
        if (failing.Count > 0)
        {
            var runs = string.Join("; ", failing.Select(f => $"workflow {f.WorkflowId} (run {f.RunId}) in domain {f.Domain}, {host.FailuresInARow(f.RunId)} in a row: {f.InnerException!.Message}"));
            return HealthCheckResult.Degraded($"SWF workers run, but decision tasks keep failing: {runs}", failing[0]);
        }

        if (host.RegistrationMismatches.Count > 0)
        {
            return HealthCheckResult.Degraded("SWF workers run, but registrations differ from the code: " + string.Join("; ", host.RegistrationMismatches));
        }

        return HealthCheckResult.Healthy("SWF workers are polling.");
    }
}
