namespace Swf.Interceptors;

/// <summary>A query, as <see cref="WorkflowInboundInterceptor.HandleQuery"/> sees it (queries carry no payload in, so no headers).</summary>
public sealed class HandleQueryInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="instance">The workflow object.</param>
    /// <param name="queryName">The query's name.</param>
    public HandleQueryInput(object instance, string queryName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(queryName);
        Instance = instance;
        QueryName = queryName;
    }

    /// <summary>Gets the workflow object.</summary>
    public object Instance { get; }

    /// <summary>Gets the query's name.</summary>
    public string QueryName { get; }
}
