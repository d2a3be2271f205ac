using System.Globalization;
using Microsoft.Extensions.Logging;
using Swf.Activities;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>
/// Registers the domain and the workflow and activity types at start-up. Idempotent: what already
/// exists is kept, and an existing registration whose defaults differ from the code's is reported.
/// </summary>
/// <param name="swf">The SWF client.</param>
/// <param name="options">The domain and its retention.</param>
/// <param name="logger">Logs registrations and mismatches.</param>
public sealed partial class SwfTypeRegistrar(ISwfClient swf, SwfOptions options, ILogger logger)
{
    /// <summary>Gets the differences found between existing registrations and the code, one line each.</summary>
    public List<string> Mismatches { get; } = [];

    /// <summary>Registers the domain, then each workflow and activity type, keeping what exists.</summary>
    /// <param name="workflows">The workflow types, with their registration defaults.</param>
    /// <param name="activities">The activity types, with their registration defaults.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <returns>A task that completes when everything is registered.</returns>
    public async Task RegisterAsync(IReadOnlyList<WorkflowDefinition> workflows, IReadOnlyList<ActivityDefinition> activities, CancellationToken cancellationToken)
    {
        await RegisterDomainAsync(cancellationToken).ConfigureAwait(false);
        foreach (var workflow in workflows)
        {
            await RegisterWorkflowTypeAsync(workflow, cancellationToken).ConfigureAwait(false);
        }

        foreach (var activity in activities)
        {
            await RegisterActivityTypeAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RegisterDomainAsync(CancellationToken cancellationToken)
    {
        var retention = options.DomainRetentionDays.ToString(CultureInfo.InvariantCulture);
        try
        {
            var existing = await swf.DescribeDomainAsync(new DescribeDomainRequest { Name = options.Domain }, cancellationToken).ConfigureAwait(false);
            Compare($"domain {options.Domain}", "retention days", existing.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays, retention);
        }
        catch (UnknownResourceException)
        {
            try
            {
                await swf.RegisterDomainAsync(new RegisterDomainRequest { Name = options.Domain, WorkflowExecutionRetentionPeriodInDays = retention }, cancellationToken).ConfigureAwait(false);
                LogRegistered(logger, "domain", options.Domain, null);
            }
            catch (DomainAlreadyExistsException)
            {
                // Another worker registered it meanwhile.
            }
        }
    }

    private async Task RegisterWorkflowTypeAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var type = definition.WorkflowType;
        var wanted = new WorkflowTypeConfiguration
        {
            DefaultTaskList = definition.DefaultTaskList is null ? null : new TaskList { Name = definition.DefaultTaskList },
            DefaultExecutionStartToCloseTimeout = SwfDuration.ToWire(definition.DefaultExecutionStartToCloseTimeout),
            DefaultTaskStartToCloseTimeout = SwfDuration.ToWire(definition.DefaultTaskStartToCloseTimeout),
            DefaultChildPolicy = definition.DefaultChildPolicy,
            DefaultTaskPriority = definition.DefaultTaskPriority?.ToString(CultureInfo.InvariantCulture),
            DefaultLambdaRole = definition.DefaultLambdaRole,
        };
        try
        {
            await swf.RegisterWorkflowTypeAsync(
                new RegisterWorkflowTypeRequest
                {
                    Domain = options.Domain,
                    Name = type.Name,
                    Version = type.Version,
                    Description = definition.Description,
                    DefaultTaskList = wanted.DefaultTaskList,
                    DefaultExecutionStartToCloseTimeout = wanted.DefaultExecutionStartToCloseTimeout,
                    DefaultTaskStartToCloseTimeout = wanted.DefaultTaskStartToCloseTimeout,
                    DefaultChildPolicy = wanted.DefaultChildPolicy,
                    DefaultTaskPriority = wanted.DefaultTaskPriority,
                    DefaultLambdaRole = wanted.DefaultLambdaRole,
                },
                cancellationToken).ConfigureAwait(false);
            var name = $"{type.Name} {type.Version}";
            LogRegistered(logger, "workflow type", name, null);
        }
        catch (TypeAlreadyExistsException)
        {
            var existing = (await swf.DescribeWorkflowTypeAsync(
                new DescribeWorkflowTypeRequest { Domain = options.Domain, WorkflowType = new WorkflowType { Name = type.Name, Version = type.Version } },
                cancellationToken).ConfigureAwait(false)).WorkflowTypeDetail.Configuration;
            var what = $"workflow type {type.Name} {type.Version}";
            Compare(what, "default task list", existing.DefaultTaskList?.Name, wanted.DefaultTaskList?.Name);
            Compare(what, "default execution start-to-close timeout", existing.DefaultExecutionStartToCloseTimeout, wanted.DefaultExecutionStartToCloseTimeout);
            Compare(what, "default task start-to-close timeout", existing.DefaultTaskStartToCloseTimeout, wanted.DefaultTaskStartToCloseTimeout);
            Compare(what, "default child policy", existing.DefaultChildPolicy?.Value, wanted.DefaultChildPolicy?.Value);
            Compare(what, "default Lambda role", existing.DefaultLambdaRole, wanted.DefaultLambdaRole);
        }
    }

    private async Task RegisterActivityTypeAsync(ActivityDefinition definition, CancellationToken cancellationToken)
    {
        var type = definition.ActivityType;
        var request = new RegisterActivityTypeRequest
        {
            Domain = options.Domain,
            Name = type.Name,
            Version = type.Version,
            Description = definition.Description,
            DefaultTaskList = definition.DefaultTaskList is null ? null : new TaskList { Name = definition.DefaultTaskList },
            DefaultTaskScheduleToStartTimeout = SwfDuration.ToWire(definition.DefaultScheduleToStartTimeout),
            DefaultTaskScheduleToCloseTimeout = SwfDuration.ToWire(definition.DefaultScheduleToCloseTimeout),
            DefaultTaskStartToCloseTimeout = SwfDuration.ToWire(definition.DefaultStartToCloseTimeout),
            DefaultTaskHeartbeatTimeout = SwfDuration.ToWire(definition.DefaultHeartbeatTimeout),
            DefaultTaskPriority = definition.DefaultTaskPriority?.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            await swf.RegisterActivityTypeAsync(request, cancellationToken).ConfigureAwait(false);
            var name = $"{type.Name} {type.Version}";
            LogRegistered(logger, "activity type", name, null);
        }
        catch (TypeAlreadyExistsException)
        {
            var existing = (await swf.DescribeActivityTypeAsync(
                new DescribeActivityTypeRequest { Domain = options.Domain, ActivityType = new ActivityType { Name = type.Name, Version = type.Version } },
                cancellationToken).ConfigureAwait(false)).ActivityTypeDetail.Configuration;
            var what = $"activity type {type.Name} {type.Version}";
            Compare(what, "default task list", existing.DefaultTaskList?.Name, request.DefaultTaskList?.Name);
            Compare(what, "default schedule-to-start timeout", existing.DefaultTaskScheduleToStartTimeout, request.DefaultTaskScheduleToStartTimeout);
            Compare(what, "default schedule-to-close timeout", existing.DefaultTaskScheduleToCloseTimeout, request.DefaultTaskScheduleToCloseTimeout);
            Compare(what, "default start-to-close timeout", existing.DefaultTaskStartToCloseTimeout, request.DefaultTaskStartToCloseTimeout);
            Compare(what, "default heartbeat timeout", existing.DefaultTaskHeartbeatTimeout, request.DefaultTaskHeartbeatTimeout);
        }
    }

    private void Compare(string what, string setting, string? registered, string? code)
    {
        // A setting the code leaves unset accepts whatever is registered.
        if (code is null || string.Equals(registered, code, StringComparison.Ordinal))
        {
            return;
        }

        var mismatch = $"{what} is registered with {setting} {registered ?? "(none)"}, but the code says {code}; SWF keeps the registered value (register a new version to change it)";
        Mismatches.Add(mismatch);
        LogMismatch(logger, mismatch, null);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Registered {Kind} {Name}")]
    private static partial void LogRegistered(ILogger logger, string kind, string name, Exception? exception);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Mismatch}")]
    private static partial void LogMismatch(ILogger logger, string mismatch, Exception? exception);
}
