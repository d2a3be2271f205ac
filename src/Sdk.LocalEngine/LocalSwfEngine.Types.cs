using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public Task<RegisterWorkflowTypeResponse> RegisterWorkflowTypeAsync(RegisterWorkflowTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, Validate, () =>
        {
            var domain = GetActiveDomain(request.Domain);
            var key = new TypeKey(request.Name, request.Version);
            if (domain.WorkflowTypes.ContainsKey(key))
            {
                throw new TypeAlreadyExistsException($"WorkflowType already exists: WorkflowType={key}");
            }

            if (domain.WorkflowTypes.Count >= _options.MaxTypesPerDomain)
            {
                throw new LimitExceededException($"Workflow type limit exceeded: a domain may have {_options.MaxTypesPerDomain} workflow types.");
            }

            domain.AddWorkflowType(new WorkflowTypeState
            {
                Undo = _undo,
                Key = key,
                Description = request.Description,
                CreationDate = Now,
                DefaultTaskStartToCloseTimeout = request.DefaultTaskStartToCloseTimeout,
                DefaultExecutionStartToCloseTimeout = request.DefaultExecutionStartToCloseTimeout,
                DefaultTaskList = request.DefaultTaskList?.Name,
                DefaultTaskPriority = request.DefaultTaskPriority,
                DefaultChildPolicy = request.DefaultChildPolicy,
                DefaultLambdaRole = request.DefaultLambdaRole,
            });
            return new RegisterWorkflowTypeResponse();
        });

    /// <inheritdoc/>
    public Task<RegisterActivityTypeResponse> RegisterActivityTypeAsync(RegisterActivityTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetActiveDomain(request.Domain);
            var key = new TypeKey(request.Name, request.Version);
            if (domain.ActivityTypes.ContainsKey(key))
            {
                throw new TypeAlreadyExistsException($"ActivityType already exists: ActivityType={key}");
            }

            if (domain.ActivityTypes.Count >= _options.MaxTypesPerDomain)
            {
                throw new LimitExceededException($"Activity type limit exceeded: a domain may have {_options.MaxTypesPerDomain} activity types.");
            }

            domain.AddActivityType(new ActivityTypeState
            {
                Undo = _undo,
                Key = key,
                Description = request.Description,
                CreationDate = Now,
                DefaultTaskStartToCloseTimeout = request.DefaultTaskStartToCloseTimeout,
                DefaultTaskHeartbeatTimeout = request.DefaultTaskHeartbeatTimeout,
                DefaultTaskList = request.DefaultTaskList?.Name,
                DefaultTaskPriority = request.DefaultTaskPriority,
                DefaultTaskScheduleToStartTimeout = request.DefaultTaskScheduleToStartTimeout,
                DefaultTaskScheduleToCloseTimeout = request.DefaultTaskScheduleToCloseTimeout,
            });
            return new RegisterActivityTypeResponse();
        });

    /// <inheritdoc/>
    public Task<DescribeWorkflowTypeResponse> DescribeWorkflowTypeAsync(DescribeWorkflowTypeRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetWorkflowType(GetDomain(request.Domain), request.WorkflowType);
            return new DescribeWorkflowTypeResponse
            {
                WorkflowTypeDetail = new WorkflowTypeDetail
                {
                    TypeInfo = ToInfo(type),
                    Configuration = new WorkflowTypeConfiguration
                    {
                        DefaultTaskStartToCloseTimeout = type.DefaultTaskStartToCloseTimeout,
                        DefaultExecutionStartToCloseTimeout = type.DefaultExecutionStartToCloseTimeout,
                        DefaultTaskList = ToTaskList(type.DefaultTaskList),
                        DefaultTaskPriority = type.DefaultTaskPriority,
                        DefaultChildPolicy = type.DefaultChildPolicy,
                        DefaultLambdaRole = type.DefaultLambdaRole,
                    },
                },
            };
        });

    /// <inheritdoc/>
    public Task<DescribeActivityTypeResponse> DescribeActivityTypeAsync(DescribeActivityTypeRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetActivityType(GetDomain(request.Domain), request.ActivityType);
            return new DescribeActivityTypeResponse
            {
                ActivityTypeDetail = new ActivityTypeDetail
                {
                    TypeInfo = ToInfo(type),
                    Configuration = new ActivityTypeConfiguration
                    {
                        DefaultTaskStartToCloseTimeout = type.DefaultTaskStartToCloseTimeout,
                        DefaultTaskHeartbeatTimeout = type.DefaultTaskHeartbeatTimeout,
                        DefaultTaskList = ToTaskList(type.DefaultTaskList),
                        DefaultTaskPriority = type.DefaultTaskPriority,
                        DefaultTaskScheduleToStartTimeout = type.DefaultTaskScheduleToStartTimeout,
                        DefaultTaskScheduleToCloseTimeout = type.DefaultTaskScheduleToCloseTimeout,
                    },
                },
            };
        });

    /// <inheritdoc/>
    public Task<ListWorkflowTypesResponse> ListWorkflowTypesAsync(ListWorkflowTypesRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var types = GetDomain(request.Domain).WorkflowTypes.Values
                .Where(t => t.Status == request.RegistrationStatus && (request.Name is null || t.Key.Name == request.Name));
            var page = PageByKey(types, t => TypeSortKey(t.Key), string.CompareOrdinal, "workflowTypes", request.NextPageToken, request.MaximumPageSize, request.ReverseOrder == true);
            return new ListWorkflowTypesResponse
            {
                WorkflowTypeInfos = new WorkflowTypeInfos { TypeInfos = [.. page.Items.Select(ToInfo)], NextPageToken = page.NextPageToken },
            };
        });

    /// <inheritdoc/>
    public Task<ListActivityTypesResponse> ListActivityTypesAsync(ListActivityTypesRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var types = GetDomain(request.Domain).ActivityTypes.Values
                .Where(t => t.Status == request.RegistrationStatus && (request.Name is null || t.Key.Name == request.Name));
            var page = PageByKey(types, t => TypeSortKey(t.Key), string.CompareOrdinal, "activityTypes", request.NextPageToken, request.MaximumPageSize, request.ReverseOrder == true);
            return new ListActivityTypesResponse
            {
                ActivityTypeInfos = new ActivityTypeInfos { TypeInfos = [.. page.Items.Select(ToInfo)], NextPageToken = page.NextPageToken },
            };
        });

    /// <inheritdoc/>
    public Task<DeprecateWorkflowTypeResponse> DeprecateWorkflowTypeAsync(DeprecateWorkflowTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetWorkflowType(GetDomain(request.Domain), request.WorkflowType);
            if (type.IsDeprecated)
            {
                throw new TypeDeprecatedException($"WorkflowType is already deprecated: WorkflowType={type.Key}");
            }

            type.Deprecate(Now);
            return new DeprecateWorkflowTypeResponse();
        });

    /// <inheritdoc/>
    public Task<DeprecateActivityTypeResponse> DeprecateActivityTypeAsync(DeprecateActivityTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetActivityType(GetDomain(request.Domain), request.ActivityType);
            if (type.IsDeprecated)
            {
                throw new TypeDeprecatedException($"ActivityType is already deprecated: ActivityType={type.Key}");
            }

            type.Deprecate(Now);
            return new DeprecateActivityTypeResponse();
        });

    /// <inheritdoc/>
    public Task<UndeprecateWorkflowTypeResponse> UndeprecateWorkflowTypeAsync(UndeprecateWorkflowTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetWorkflowType(GetDomain(request.Domain), request.WorkflowType);
            if (!type.IsDeprecated)
            {
                throw new TypeAlreadyExistsException($"WorkflowType is already registered (not deprecated): WorkflowType={type.Key}");
            }

            type.Undeprecate();
            return new UndeprecateWorkflowTypeResponse();
        });

    /// <inheritdoc/>
    public Task<UndeprecateActivityTypeResponse> UndeprecateActivityTypeAsync(UndeprecateActivityTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var type = GetActivityType(GetDomain(request.Domain), request.ActivityType);
            if (!type.IsDeprecated)
            {
                throw new TypeAlreadyExistsException($"ActivityType is already registered (not deprecated): ActivityType={type.Key}");
            }

            type.Undeprecate();
            return new UndeprecateActivityTypeResponse();
        });

    /// <inheritdoc/>
    public Task<DeleteWorkflowTypeResponse> DeleteWorkflowTypeAsync(DeleteWorkflowTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Domain);
            var type = GetWorkflowType(domain, request.WorkflowType);
            if (!type.IsDeprecated)
            {
                throw new TypeNotDeprecatedException($"WorkflowType must be deprecated before it is deleted: WorkflowType={type.Key}");
            }

            domain.RemoveWorkflowType(type);
            return new DeleteWorkflowTypeResponse();
        });

    /// <inheritdoc/>
    public Task<DeleteActivityTypeResponse> DeleteActivityTypeAsync(DeleteActivityTypeRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Domain);
            var type = GetActivityType(domain, request.ActivityType);
            if (!type.IsDeprecated)
            {
                throw new TypeNotDeprecatedException($"ActivityType must be deprecated before it is deleted: ActivityType={type.Key}");
            }

            domain.RemoveActivityType(type);
            return new DeleteActivityTypeResponse();
        });

    /// <summary>Checks a workflow type registration: the model's constraints, and no NONE default execution timeout.</summary>
    private static void Validate(RegisterWorkflowTypeRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RejectNone(request.DefaultExecutionStartToCloseTimeout, "defaultExecutionStartToCloseTimeout");
    }

    private static WorkflowTypeState GetWorkflowType(DomainState domain, WorkflowType type) =>
        domain.WorkflowTypes.TryGetValue(new TypeKey(type.Name, type.Version), out var state)
            ? state
            : throw new UnknownResourceException($"Unknown type: WorkflowType=[name={type.Name}, version={type.Version}]");

    private static ActivityTypeState GetActivityType(DomainState domain, ActivityType type) =>
        domain.ActivityTypes.TryGetValue(new TypeKey(type.Name, type.Version), out var state)
            ? state
            : throw new UnknownResourceException($"Unknown type: ActivityType=[name={type.Name}, version={type.Version}]");

    // \u0001 sorts below every character a name may hold, so the joined key orders by name, then version.
    private static string TypeSortKey(TypeKey key) => key.Name + "\u0001" + key.Version;

    private static TaskList? ToTaskList(string? name) => name is null ? null : new TaskList { Name = name };

    private static WorkflowTypeInfo ToInfo(WorkflowTypeState type) => new()
    {
        WorkflowType = new WorkflowType { Name = type.Key.Name, Version = type.Key.Version },
        Status = type.Status,
        Description = type.Description,
        CreationDate = type.CreationDate,
        DeprecationDate = type.DeprecationDate,
    };

    private static ActivityTypeInfo ToInfo(ActivityTypeState type) => new()
    {
        ActivityType = new ActivityType { Name = type.Key.Name, Version = type.Key.Version },
        Status = type.Status,
        Description = type.Description,
        CreationDate = type.CreationDate,
        DeprecationDate = type.DeprecationDate,
    };

    /// <summary>Refuses NONE where SWF does not allow it (execution start-to-close, timer start-to-fire).</summary>
    private static void RejectNone(string? value, string path)
    {
        if (value == Durations.None)
        {
            throw new ValidationException($"1 validation error detected: Value at '{path}' failed to satisfy constraint: Member must be a number of seconds; NONE is not allowed here");
        }
    }
}
