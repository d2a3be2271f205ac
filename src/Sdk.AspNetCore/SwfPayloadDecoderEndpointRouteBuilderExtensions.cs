using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Swf.AspNetCore;
using Swf.Payloads;

#pragma warning disable IDE0130 // Map* extensions live in the namespace of the app's other endpoint mappings, where users look for them.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>
/// Maps a payload decode endpoint: tools that show workflow histories (swf-local's console with
/// <c>--codec-endpoint</c>) post the payloads as SWF stores them and get them back decoded by your payload
/// pipeline, so the keys stay in your process.
/// </summary>
/// <remarks>
/// The endpoint decrypts with your keys: bind the app to loopback (<c>http://127.0.0.1:port</c>), or protect the
/// endpoint with <c>.RequireAuthorization()</c> on the builder this returns. Browser pages may call it only from
/// the origins in <see cref="SwfPayloadDecoderOptions.AllowedOrigins"/>.
/// </remarks>
public static class SwfPayloadDecoderEndpointRouteBuilderExtensions
{
    /// <summary>Maps the decode endpoint over the given pipeline.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, such as <c>/decode</c>.</param>
    /// <param name="pipeline">The codecs and claim-check store to decode with: the same as the workers that wrote the payloads.</param>
    /// <param name="configure">Sets the allowed browser origins and limits, or null.</param>
    /// <returns>The POST endpoint's builder, for conventions such as <c>RequireAuthorization</c> or <c>RequireHost</c>.</returns>
    public static IEndpointConventionBuilder MapSwfPayloadDecoder(this IEndpointRouteBuilder endpoints, string pattern, PayloadPipeline pipeline, Action<SwfPayloadDecoderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return Map(endpoints, pattern, pipeline, configure);
    }

    /// <summary>
    /// Maps the decode endpoint over the <see cref="PayloadPipeline"/> of the app's services (the one
    /// <c>services.AddSwf()</c> builds from <c>AddPayloadCodec</c> and <c>UsePayloadStore</c>), or an empty pipeline
    /// when there is none.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, such as <c>/decode</c>.</param>
    /// <param name="configure">Sets the allowed browser origins and limits, or null.</param>
    /// <returns>The POST endpoint's builder, for conventions such as <c>RequireAuthorization</c> or <c>RequireHost</c>.</returns>
    public static IEndpointConventionBuilder MapSwfPayloadDecoder(this IEndpointRouteBuilder endpoints, string pattern, Action<SwfPayloadDecoderOptions>? configure = null) =>
        Map(endpoints, pattern, null, configure);

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, PayloadPipeline? pipeline, Action<SwfPayloadDecoderOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new SwfPayloadDecoderOptions();
        configure?.Invoke(options);
        var endpoint = new PayloadDecoderEndpoint(pipeline, options);
        // The preflight is its own endpoint so that conventions on the POST (authorization) do not refuse it: a
        // browser sends no credentials with a preflight.
        endpoints.MapMethods(pattern, [HttpMethods.Options], endpoint.PreflightAsync);
        return endpoints.MapPost(pattern, endpoint.DecodeAsync);
    }
}
