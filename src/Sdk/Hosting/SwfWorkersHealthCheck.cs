using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Swf.Hosting;

/// <summary>Reports the SWF workers as healthy while they run, degraded when registrations differ from the code, unhealthy otherwise.</summary>
internal sealed class SwfWorkersHealthCheck(SwfWorkerHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.State switch
        {
            SwfWorkerState.Running when host.RegistrationMismatches.Count > 0 =>
                HealthCheckResult.Degraded("SWF workers run, but registrations differ from the code: " + string.Join("; ", host.RegistrationMismatches)),
            SwfWorkerState.Running => HealthCheckResult.Healthy("SWF workers are polling."),
            SwfWorkerState.Faulted => HealthCheckResult.Unhealthy("An SWF worker stopped with an error.", host.Failure),
            _ => HealthCheckResult.Unhealthy($"SWF workers are {host.State}."),
        });
}
