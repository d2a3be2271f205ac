namespace Swf.Generators;

/// <summary>Metadata names of the Swf.Sdk types the generator looks for (it does not reference Swf.Sdk).</summary>
internal static class KnownNames
{
    /// <summary>The root namespace of the SDK.</summary>
    public const string SdkNamespace = "Swf";

    public const string WorkflowAttribute = "Swf.Workflows.WorkflowAttribute";
    public const string WorkflowRunAttribute = "Swf.Workflows.WorkflowRunAttribute";
    public const string SignalAttribute = "Swf.Workflows.SignalAttribute";
    public const string QueryAttribute = "Swf.Workflows.QueryAttribute";
    public const string ActivitiesAttribute = "Swf.Activities.ActivitiesAttribute";
    public const string ActivityAttribute = "Swf.Activities.ActivityAttribute";
    public const string Workflow = "Swf.Workflows.Workflow";
    public const string WorkflowInboundInterceptor = "Swf.Interceptors.WorkflowInboundInterceptor";
    public const string WorkflowOutboundInterceptor = "Swf.Interceptors.WorkflowOutboundInterceptor";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
}
