using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Swf.Client;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.Protocol;

/// <summary>
/// SWF's 39 operations, by name: how to read each request, call the engine and write its output
/// shape (the response's wrapped member, such as <c>DecisionTask</c>), or <c>{}</c> when the
/// operation has no output.
/// </summary>
internal static class SwfOperations
{
    private static readonly Dictionary<string, SwfOperation> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<Type, SwfOperation> ByRequestType = [];
    private static readonly Dictionary<string, SwfOperation>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    static SwfOperations()
    {
        var c = SwfJsonContext.Default;
        Add(c.RegisterDomainRequest, static (e, r, ct) => e.RegisterDomainAsync(r, ct));
        Add(c.DeprecateDomainRequest, static (e, r, ct) => e.DeprecateDomainAsync(r, ct));
        Add(c.UndeprecateDomainRequest, static (e, r, ct) => e.UndeprecateDomainAsync(r, ct));
        Add(c.DescribeDomainRequest, static (e, r, ct) => e.DescribeDomainAsync(r, ct), static r => r.DomainDetail, c.DomainDetail);
        Add(c.ListDomainsRequest, static (e, r, ct) => e.ListDomainsAsync(r, ct), static r => r.DomainInfos, c.DomainInfos);
        Add(c.RegisterWorkflowTypeRequest, static (e, r, ct) => e.RegisterWorkflowTypeAsync(r, ct));
        Add(c.RegisterActivityTypeRequest, static (e, r, ct) => e.RegisterActivityTypeAsync(r, ct));
        Add(c.DeprecateWorkflowTypeRequest, static (e, r, ct) => e.DeprecateWorkflowTypeAsync(r, ct));
        Add(c.DeprecateActivityTypeRequest, static (e, r, ct) => e.DeprecateActivityTypeAsync(r, ct));
        Add(c.UndeprecateWorkflowTypeRequest, static (e, r, ct) => e.UndeprecateWorkflowTypeAsync(r, ct));
        Add(c.UndeprecateActivityTypeRequest, static (e, r, ct) => e.UndeprecateActivityTypeAsync(r, ct));
        Add(c.DeleteWorkflowTypeRequest, static (e, r, ct) => e.DeleteWorkflowTypeAsync(r, ct));
        Add(c.DeleteActivityTypeRequest, static (e, r, ct) => e.DeleteActivityTypeAsync(r, ct));
        Add(c.DescribeWorkflowTypeRequest, static (e, r, ct) => e.DescribeWorkflowTypeAsync(r, ct), static r => r.WorkflowTypeDetail, c.WorkflowTypeDetail);
        Add(c.DescribeActivityTypeRequest, static (e, r, ct) => e.DescribeActivityTypeAsync(r, ct), static r => r.ActivityTypeDetail, c.ActivityTypeDetail);
        Add(c.ListWorkflowTypesRequest, static (e, r, ct) => e.ListWorkflowTypesAsync(r, ct), static r => r.WorkflowTypeInfos, c.WorkflowTypeInfos);
        Add(c.ListActivityTypesRequest, static (e, r, ct) => e.ListActivityTypesAsync(r, ct), static r => r.ActivityTypeInfos, c.ActivityTypeInfos);
        Add(c.StartWorkflowExecutionRequest, static (e, r, ct) => e.StartWorkflowExecutionAsync(r, ct), static r => r.Run, c.Run);
        Add(c.SignalWorkflowExecutionRequest, static (e, r, ct) => e.SignalWorkflowExecutionAsync(r, ct));
        Add(c.RequestCancelWorkflowExecutionRequest, static (e, r, ct) => e.RequestCancelWorkflowExecutionAsync(r, ct));
        Add(c.TerminateWorkflowExecutionRequest, static (e, r, ct) => e.TerminateWorkflowExecutionAsync(r, ct));
        Add(c.DescribeWorkflowExecutionRequest, static (e, r, ct) => e.DescribeWorkflowExecutionAsync(r, ct), static r => r.WorkflowExecutionDetail, c.WorkflowExecutionDetail);
        Add(c.GetWorkflowExecutionHistoryRequest, static (e, r, ct) => e.GetWorkflowExecutionHistoryAsync(r, ct), static r => r.History, c.History);
        Add(c.ListOpenWorkflowExecutionsRequest, static (e, r, ct) => e.ListOpenWorkflowExecutionsAsync(r, ct), static r => r.WorkflowExecutionInfos, c.WorkflowExecutionInfos);
        Add(c.ListClosedWorkflowExecutionsRequest, static (e, r, ct) => e.ListClosedWorkflowExecutionsAsync(r, ct), static r => r.WorkflowExecutionInfos, c.WorkflowExecutionInfos);
        Add(c.CountOpenWorkflowExecutionsRequest, static (e, r, ct) => e.CountOpenWorkflowExecutionsAsync(r, ct), static r => r.WorkflowExecutionCount, c.WorkflowExecutionCount);
        Add(c.CountClosedWorkflowExecutionsRequest, static (e, r, ct) => e.CountClosedWorkflowExecutionsAsync(r, ct), static r => r.WorkflowExecutionCount, c.WorkflowExecutionCount);
        Add(c.CountPendingDecisionTasksRequest, static (e, r, ct) => e.CountPendingDecisionTasksAsync(r, ct), static r => r.PendingTaskCount, c.PendingTaskCount);
        Add(c.CountPendingActivityTasksRequest, static (e, r, ct) => e.CountPendingActivityTasksAsync(r, ct), static r => r.PendingTaskCount, c.PendingTaskCount);
        Add(c.PollForDecisionTaskRequest, static (e, r, ct) => e.PollForDecisionTaskAsync(r, ct), static r => r.DecisionTask, c.DecisionTask);
        Add(c.RespondDecisionTaskCompletedRequest, static (e, r, ct) => e.RespondDecisionTaskCompletedAsync(r, ct));
        Add(c.PollForActivityTaskRequest, static (e, r, ct) => e.PollForActivityTaskAsync(r, ct), static r => r.ActivityTask, c.ActivityTask);
        Add(c.RecordActivityTaskHeartbeatRequest, static (e, r, ct) => e.RecordActivityTaskHeartbeatAsync(r, ct), static r => r.ActivityTaskStatus, c.ActivityTaskStatus);
        Add(c.RespondActivityTaskCompletedRequest, static (e, r, ct) => e.RespondActivityTaskCompletedAsync(r, ct));
        Add(c.RespondActivityTaskFailedRequest, static (e, r, ct) => e.RespondActivityTaskFailedAsync(r, ct));
        Add(c.RespondActivityTaskCanceledRequest, static (e, r, ct) => e.RespondActivityTaskCanceledAsync(r, ct));
        Add(c.TagResourceRequest, static (e, r, ct) => e.TagResourceAsync(r, ct));
        Add(c.UntagResourceRequest, static (e, r, ct) => e.UntagResourceAsync(r, ct));
        Add(c.ListTagsForResourceRequest, static (e, r, ct) => e.ListTagsForResourceAsync(r, ct), static r => new ListTagsForResourceOutput { Tags = r.Tags ?? [] }, c.ListTagsForResourceOutput);
    }

    /// <summary>Gets every operation.</summary>
    public static IReadOnlyCollection<SwfOperation> All => ByName.Values;

    /// <summary>Finds an operation by its name, such as <c>PollForDecisionTask</c>.</summary>
    public static SwfOperation? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Finds an operation by its name, given as characters (the tail of an <c>X-Amz-Target</c>), without a string.</summary>
    public static SwfOperation? Find(ReadOnlySpan<char> name) => ByNameSpan.TryGetValue(name, out var operation) ? operation : null;

    /// <summary>Finds the operation of a request object.</summary>
    public static SwfOperation? ForRequest(object request) => ByRequestType.GetValueOrDefault(request.GetType());

    private static void Add<TRequest, TResponse>(JsonTypeInfo<TRequest> request, Func<ISwfClient, TRequest, CancellationToken, Task<TResponse>> call)
        where TRequest : class =>
        Add<TRequest, TResponse, TResponse>(request, call, null, null);

    private static void Add<TRequest, TResponse, TOutput>(
        JsonTypeInfo<TRequest> request,
        Func<ISwfClient, TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, TOutput>? output,
        JsonTypeInfo<TOutput>? outputInfo)
        where TRequest : class
    {
        var name = typeof(TRequest).Name[..^"Request".Length];
        var operation = new SwfOperation(
            name,
            typeof(TRequest),
            body => JsonSerializer.Deserialize(body.Span, request) ?? throw new JsonException("The request body is null; send a JSON object, {} when there are no members."),
            value => JsonSerializer.SerializeToUtf8Bytes((TRequest)value, request),
            async (client, value, cancellationToken) =>
            {
                var response = await call(client, (TRequest)value, cancellationToken).ConfigureAwait(false);
                return output is null ? null : (object?)output(response);
            },
            outputInfo);
        ByName.Add(name, operation);
        ByRequestType.Add(typeof(TRequest), operation);
    }
}
