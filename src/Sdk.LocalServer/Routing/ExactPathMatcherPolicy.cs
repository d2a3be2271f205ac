using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Swf.LocalServer.Routing;

/// <summary>
/// Makes route templates match paths exactly, as swf-local always compared them: literal segments
/// case-sensitively, and no trailing or doubled slash. Routing alone would also take
/// <c>/UI/app.js</c>, <c>/console/api/domains/</c> or <c>/console//api/domains</c>; here those stay
/// what they always were (a page that does not exist, or SWF's answer), so moving to endpoints
/// changes nothing a client sees.
/// </summary>
internal sealed class ExactPathMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <inheritdoc/>
    public override int Order => 0;

    /// <inheritdoc/>
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Any(e => e is RouteEndpoint);
    }

    /// <inheritdoc/>
    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        var path = httpContext.Request.Path.Value ?? "/";
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint is RouteEndpoint route && !Matches(route.RoutePattern, path))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Checks a path the routing matcher already matched against the exact rules.</summary>
    private static bool Matches(RoutePattern pattern, string path)
    {
        var segments = path.Length <= 1 ? [] : path[1..].Split('/');
        var index = 0;
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts is [RoutePatternParameterPart { IsCatchAll: true }])
            {
                // The rest of the path is the parameter's, whatever it holds.
                return true;
            }

            if (index == segments.Length || segments[index].Length == 0
                || (segment.Parts is [RoutePatternLiteralPart literal] && !string.Equals(literal.Content, segments[index], StringComparison.Ordinal)))
            {
                return false;
            }

            index++;
        }

        return index == segments.Length;
    }
}
