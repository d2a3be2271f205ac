using Swf.Registration;

namespace Swf.Workflows;

/// <content>Typed activity proxies.</content>
public static partial class Workflow
{
    /// <summary>
    /// Returns the generated proxy of an <c>[Activities]</c> interface: each call schedules the activity
    /// (<see cref="ExecuteActivityAsync(Model.ActivityType, string?, ActivityOptions?, CancellationToken?)"/>)
    /// and decodes its result. Creating the proxy does not need a workflow context, so it can initialize a field.
    /// A method with a <see cref="System.Threading.CancellationToken"/> parameter is cancelled by the token its caller passes; one
    /// without follows <see cref="ActivityOptions.CancellationToken"/>, else the workflow's <see cref="CancellationToken"/>.
    /// </summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="options">How the activities are scheduled (retries, timeouts, task list); null for the registered defaults.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="InvalidOperationException">No proxy was generated for the interface.</exception>
    public static TActivities Activities<TActivities>(ActivityOptions? options = null)
        where TActivities : class => SwfRegistry.CreateActivityProxy<TActivities>(options);
}
