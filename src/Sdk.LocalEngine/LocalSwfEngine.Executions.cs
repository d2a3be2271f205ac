using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>Which required setting neither the caller nor the workflow type supplied.</summary>
    private enum MissingSetting
    {
        None,
        ExecutionStartToCloseTimeout,
        TaskStartToCloseTimeout,
        TaskList,
        ChildPolicy,
    }

    /// <inheritdoc/>
    public Task<StartWorkflowExecutionResponse> StartWorkflowExecutionAsync(StartWorkflowExecutionRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, Validate, () =>
        {
            var domain = GetActiveDomain(request.Domain);
            var type = GetWorkflowType(domain, request.WorkflowType);
            if (type.IsDeprecated)
            {
                throw new TypeDeprecatedException($"WorkflowType is deprecated: WorkflowType={type.Key}");
            }

            var settings = ResolveSettings(
                type, request.TaskList?.Name, request.TaskPriority, request.ExecutionStartToCloseTimeout,
                request.TaskStartToCloseTimeout, request.ChildPolicy, request.LambdaRole, out var missing);
            if (settings is null)
            {
                throw new DefaultUndefinedException(
                    $"No {missing} was given and WorkflowType={type.Key} has no default for it: it must be given in the request or registered as the type's default.");
            }

            if (domain.OpenByWorkflowId.TryGetValue(request.WorkflowId, out var running))
            {
                throw new WorkflowExecutionAlreadyStartedException(
                    $"Workflow execution already started: WorkflowId={request.WorkflowId} (open run {running.RunId})");
            }

            if (domain.OpenByWorkflowId.Count >= _options.MaxOpenExecutionsPerDomain)
            {
                throw new LimitExceededException($"Open workflow executions limit exceeded: a domain may have {_options.MaxOpenExecutionsPerDomain}.");
            }

            var run = StartRun(domain, request.WorkflowId, type, settings, request.Input, request.TagList, parent: null, parentInitiatedEventId: 0, continuedExecutionRunId: null);
            return new StartWorkflowExecutionResponse { Run = new Run { RunId = run.RunId } };
        });

    /// <inheritdoc/>
    public Task<SignalWorkflowExecutionResponse> SignalWorkflowExecutionAsync(SignalWorkflowExecutionRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var execution = GetOpenExecution(GetDomain(request.Domain), request.WorkflowId, request.RunId);
            Append(execution, EventType.WorkflowExecutionSignaled, e => e.WorkflowExecutionSignaledEventAttributes = new()
            {
                SignalName = request.SignalName,
                Input = request.Input,
            });
            NotifyDecider(execution);
            return new SignalWorkflowExecutionResponse();
        });

    /// <inheritdoc/>
    public Task<RequestCancelWorkflowExecutionResponse> RequestCancelWorkflowExecutionAsync(RequestCancelWorkflowExecutionRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var execution = GetOpenExecution(GetDomain(request.Domain), request.WorkflowId, request.RunId);
            RecordCancelRequest(execution, external: null, externalInitiatedEventId: null, cause: null);
            return new RequestCancelWorkflowExecutionResponse();
        });

    /// <inheritdoc/>
    public Task<TerminateWorkflowExecutionResponse> TerminateWorkflowExecutionAsync(TerminateWorkflowExecutionRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, Validate, () =>
        {
            var execution = GetOpenExecution(GetDomain(request.Domain), request.WorkflowId, request.RunId);
            Terminate(execution, request.Reason, request.Details, request.ChildPolicy ?? execution.Settings.ChildPolicy, WorkflowExecutionTerminatedCause.OperatorInitiated);
            return new TerminateWorkflowExecutionResponse();
        });

    /// <inheritdoc/>
    public Task<DescribeWorkflowExecutionResponse> DescribeWorkflowExecutionAsync(DescribeWorkflowExecutionRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var execution = GetVisibleExecution(GetDomain(request.Domain), request.Execution);
            return new DescribeWorkflowExecutionResponse
            {
                WorkflowExecutionDetail = new WorkflowExecutionDetail
                {
                    ExecutionInfo = ToExecutionInfo(execution),
                    ExecutionConfiguration = new WorkflowExecutionConfiguration
                    {
                        TaskList = new TaskList { Name = execution.Settings.TaskList },
                        TaskPriority = Durations.FormatPriority(execution.Settings.TaskPriority),
                        ExecutionStartToCloseTimeout = execution.Settings.ExecutionStartToCloseTimeout,
                        TaskStartToCloseTimeout = execution.Settings.TaskStartToCloseTimeout,
                        ChildPolicy = execution.Settings.ChildPolicy,
                        LambdaRole = execution.Settings.LambdaRole,
                    },
                    OpenCounts = new WorkflowExecutionOpenCounts
                    {
                        OpenActivityTasks = execution.Activities.Count,
                        OpenDecisionTasks = execution.DecisionTask is null ? 0 : 1,
                        OpenTimers = execution.Timers.Count,
                        OpenChildWorkflowExecutions = execution.Children.Count,
                        OpenLambdaFunctions = execution.LambdaFunctions.Count,
                    },
                    LatestActivityTaskTimestamp = execution.LatestActivityTaskTimestamp,
                    LatestExecutionContext = execution.LatestExecutionContext,
                },
            };
        });

    /// <inheritdoc/>
    public Task<GetWorkflowExecutionHistoryResponse> GetWorkflowExecutionHistoryAsync(GetWorkflowExecutionHistoryRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var execution = GetVisibleExecution(GetDomain(request.Domain), request.Execution);
            var reverse = request.ReverseOrder == true;
            var kind = reverse ? "history:desc" : "history:asc";
            long cursor = reverse ? execution.History.Count : 1;
            if (!string.IsNullOrEmpty(request.NextPageToken))
            {
                var parts = PageToken.Decode(request.NextPageToken, kind, Now, 2);
                if (parts[0] != execution.RunId)
                {
                    throw PageToken.Invalid();
                }

                cursor = PageToken.ParseLong(parts[1]);
            }

            var (events, next) = SliceHistory(execution, 1, execution.History.Count, cursor, reverse, PageSize(request.MaximumPageSize));
            return new GetWorkflowExecutionHistoryResponse
            {
                History = new History
                {
                    Events = events,
                    NextPageToken = next is { } n ? PageToken.Encode(kind, Now, execution.RunId, PageToken.Format(n)) : null,
                },
            };
        });

    /// <summary>Checks a start request: the model's constraints, no NONE execution timeout (SWF requires a limit), and a documented child policy.</summary>
    private static void Validate(StartWorkflowExecutionRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RejectNone(request.ExecutionStartToCloseTimeout, "executionStartToCloseTimeout");
        EnumValues.ThrowIfUnknown(request.ChildPolicy, "childPolicy");
    }

    /// <summary>Checks a termination: the model's constraints, and a documented child policy.</summary>
    private static void Validate(TerminateWorkflowExecutionRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        EnumValues.ThrowIfUnknown(request.ChildPolicy, "childPolicy");
    }

    /// <summary>
    /// Copies one page of events with ids in [<paramref name="low"/>, <paramref name="high"/>],
    /// starting at <paramref name="cursor"/>; returns the cursor of the next page, if any. With
    /// <see cref="LocalSwfEngineOptions.ShareHistoryEvents"/> the page holds the engine's own events instead of copies.
    /// </summary>
    private (List<HistoryEvent> Events, long? Next) SliceHistory(ExecutionState execution, long low, long high, long cursor, bool reverse, int size)
    {
        var events = new List<HistoryEvent>();
        var id = cursor;
        while (events.Count < size && id >= low && id <= high)
        {
            var historyEvent = execution.History[(int)id - 1];
            events.Add(_options.ShareHistoryEvents ? historyEvent : ModelCopy.Copy(historyEvent));
            id += reverse ? -1 : 1;
        }

        return (events, id >= low && id <= high ? id : null);
    }

    /// <summary>Resolves settings from the caller's values, else the type's defaults; null when a required one is missing.</summary>
    private static ExecutionSettings? ResolveSettings(
        WorkflowTypeState type,
        string? taskList,
        string? taskPriority,
        string? executionStartToCloseTimeout,
        string? taskStartToCloseTimeout,
        ChildPolicy? childPolicy,
        string? lambdaRole,
        out MissingSetting missing)
    {
        var executionTimeout = executionStartToCloseTimeout ?? type.DefaultExecutionStartToCloseTimeout;
        var taskTimeout = taskStartToCloseTimeout ?? type.DefaultTaskStartToCloseTimeout;
        var list = taskList ?? type.DefaultTaskList;
        var policy = childPolicy ?? type.DefaultChildPolicy;
        missing = executionTimeout is null ? MissingSetting.ExecutionStartToCloseTimeout
            : taskTimeout is null ? MissingSetting.TaskStartToCloseTimeout
            : list is null ? MissingSetting.TaskList
            : policy is null ? MissingSetting.ChildPolicy
            : MissingSetting.None;
        if (missing != MissingSetting.None)
        {
            return null;
        }

        return new ExecutionSettings
        {
            ExecutionStartToCloseTimeout = executionTimeout!,
            TaskStartToCloseTimeout = taskTimeout!,
            TaskList = list!,
            ChildPolicy = policy!,
            TaskPriority = Durations.ParsePriority(taskPriority ?? type.DefaultTaskPriority),
            LambdaRole = lambdaRole ?? type.DefaultLambdaRole,
        };
    }

    /// <summary>Opens a new run: WorkflowExecutionStarted, the execution timeout, and the first decision task.</summary>
    private ExecutionState StartRun(
        DomainState domain,
        string workflowId,
        WorkflowTypeState type,
        ExecutionSettings settings,
        string? input,
        List<string>? tagList,
        WorkflowExecution? parent,
        long parentInitiatedEventId,
        string? continuedExecutionRunId,
        string? runId = null)
    {
        var executionTimeout = Durations.Parse(settings.ExecutionStartToCloseTimeout);
        runId ??= Generate(_options.RunIdGenerator);
        if (domain.Executions.ContainsKey(runId))
        {
            throw new InvalidOperationException($"The run id generator returned a run id already in use: {runId}");
        }

        var execution = new ExecutionState
        {
            Domain = domain,
            WorkflowId = workflowId,
            RunId = runId,
            WorkflowType = type.Key,
            Settings = settings,
            TagList = [.. tagList ?? []],
            StartTimestamp = Now,
            Sequence = NextSequence(),
            Parent = parent,
            ParentInitiatedEventId = parentInitiatedEventId,
        };
        domain.AddRun(execution);
        Append(execution, EventType.WorkflowExecutionStarted, e => e.WorkflowExecutionStartedEventAttributes = new()
        {
            Input = input,
            ExecutionStartToCloseTimeout = settings.ExecutionStartToCloseTimeout,
            TaskStartToCloseTimeout = settings.TaskStartToCloseTimeout,
            ChildPolicy = settings.ChildPolicy,
            TaskList = new TaskList { Name = settings.TaskList },
            TaskPriority = Durations.FormatPriority(settings.TaskPriority),
            WorkflowType = execution.ToWorkflowType(),
            TagList = execution.TagList.Count == 0 ? null : [.. execution.TagList],
            ContinuedExecutionRunId = continuedExecutionRunId,
            ParentWorkflowExecution = parent is null ? null : new WorkflowExecution { WorkflowId = parent.WorkflowId, RunId = parent.RunId },
            ParentInitiatedEventId = parent is null ? null : parentInitiatedEventId,
            LambdaRole = settings.LambdaRole,
        });
        if (executionTimeout is { } timeout)
        {
            execution.ArmExecutionTimeout(Schedule(timeout, () => TimeOutExecution(execution)));
        }

        ScheduleDecisionTask(execution);
        return execution;
    }

    /// <summary>Records a cancel request on a run; the decider decides whether to cancel.</summary>
    private void RecordCancelRequest(ExecutionState execution, WorkflowExecution? external, long? externalInitiatedEventId, WorkflowExecutionCancelRequestedCause? cause)
    {
        Append(execution, EventType.WorkflowExecutionCancelRequested, e => e.WorkflowExecutionCancelRequestedEventAttributes = new()
        {
            ExternalWorkflowExecution = external,
            ExternalInitiatedEventId = externalInitiatedEventId,
            Cause = cause,
        });
        execution.RequestCancel();
        NotifyDecider(execution);
    }

    /// <summary>Finds a run that is open or still retained; drops closed runs past the domain's retention first.</summary>
    private ExecutionState GetVisibleExecution(DomainState domain, WorkflowExecution execution)
    {
        PurgeExpired(domain);
        return domain.Executions.TryGetValue(execution.RunId, out var state) && state.WorkflowId == execution.WorkflowId
            ? state
            : throw new UnknownResourceException($"Unknown execution: WorkflowExecution=[workflowId={execution.WorkflowId}, runId={execution.RunId}]");
    }

    private static WorkflowExecutionInfo ToExecutionInfo(ExecutionState execution) => new()
    {
        Execution = execution.ToWorkflowExecution(),
        WorkflowType = execution.ToWorkflowType(),
        StartTimestamp = execution.StartTimestamp,
        CloseTimestamp = execution.CloseTimestamp,
        ExecutionStatus = execution.IsOpen ? ExecutionStatus.Open : ExecutionStatus.Closed,
        CloseStatus = execution.CloseStatus,
        Parent = execution.Parent is null ? null : new WorkflowExecution { WorkflowId = execution.Parent.WorkflowId, RunId = execution.Parent.RunId },
        TagList = execution.TagList.Count == 0 ? null : [.. execution.TagList],
        CancelRequested = execution.CancelRequested,
    };
}
