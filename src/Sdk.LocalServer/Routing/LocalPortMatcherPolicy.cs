using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Swf.LocalServer.Routing;

/// <summary>
/// Routes by the port a connection came in on: an endpoint with <see cref="LocalPortMetadata"/> is
/// a candidate only for requests on that port. It is how SWF's protocol and the web console share
/// one route table when the console has a port of its own (<c>--ui-port</c>).
/// </summary>
/// <remarks>
/// ASP.NET Core's <c>RequireHost("*:port")</c> matches the <c>Host</c> header, which is what the
/// client says it connected to: through an SSH tunnel or a port forward that is another port, and a
/// client may send any header. The local port is where the request really arrived.
/// </remarks>
internal sealed class LocalPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <inheritdoc/>
    /// <remarks>Runs with the other selector policies, after the path and the HTTP method have narrowed the candidates.</remarks>
    public override int Order => 0;

    /// <inheritdoc/>
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Any(e => e.Metadata.GetMetadata<LocalPortMetadata>() is not null);
    }

    /// <inheritdoc/>
    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        var port = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<LocalPortMetadata>() is { } required && required.Port != port)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
