using System.Reflection;
using Swf.Client;
using Swf.Model;

namespace Swf.Benchmarks;

/// <summary>
/// An <see cref="ISwfClient"/> that hands a worker the decision task it is given and swallows the answer:
/// the decision path without any I/O. Any other operation throws.
/// </summary>
public class ScriptedSwfClient : DispatchProxy
{
    private static readonly Task<RespondDecisionTaskCompletedResponse> Responded = Task.FromResult(new RespondDecisionTaskCompletedResponse());

    /// <summary>Gets or sets the decision task the next poll returns.</summary>
    public DecisionTask? Next { get; set; }

    /// <summary>Gets the last answer.</summary>
    public RespondDecisionTaskCompletedRequest? LastResponse { get; private set; }

    /// <summary>Gets this fake as the client interface.</summary>
    public ISwfClient Client => (ISwfClient)(object)this;

    /// <summary>Creates a client.</summary>
    /// <returns>The client.</returns>
    public static ScriptedSwfClient Create() => (ScriptedSwfClient)(object)Create<ISwfClient, ScriptedSwfClient>();

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => args![0] switch
    {
        PollForDecisionTaskRequest => Task.FromResult(new PollForDecisionTaskResponse { DecisionTask = Next ?? throw new InvalidOperationException("No decision task is set.") }),
        RespondDecisionTaskCompletedRequest respond => Respond(respond),
        _ => throw new NotSupportedException($"The scripted client has no answer for {targetMethod!.Name}."),
    };

    private Task<RespondDecisionTaskCompletedResponse> Respond(RespondDecisionTaskCompletedRequest request)
    {
        LastResponse = request;
        return Responded;
    }
}
