using Swf.Interceptors;

namespace Swf.Activities;

/// <summary>The inward end of an activity worker's interceptor chain: the activity definition's own code.</summary>
internal sealed class ActivityDefinitionInvoker : ActivityInboundInterceptor
{
    public override Task<string?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = input.Definition
            ?? throw new InvalidOperationException("An interceptor passed on an ExecuteActivityInput it created itself; pass on (or change) the one it received.");
        return definition.Execute(input.Context, input.Input);
    }
}
