using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Swf.LocalServer.Clock;
using Swf.LocalServer.Protocol;
using Swf.LocalServer.Routing;
using Swf.LocalServer.WebConsole;

namespace Swf.LocalServer;

/// <summary>swf-local's route table: SWF's protocol, the clock, and the web console when it is on.</summary>
internal static class LocalServerEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="endpoints">Where to map them.</param>
    /// <param name="swf">SWF's protocol handler.</param>
    /// <param name="clock">The clock's endpoints (on SWF's port, beside the protocol).</param>
    /// <param name="console">The console, or null when it is off.</param>
    /// <param name="ports">
    /// When the console has a port of its own, the SWF port and the console port (each read per
    /// request, see <see cref="LocalPortMetadata"/>); null when everything shares one port.
    /// </param>
    public static void Map(IEndpointRouteBuilder endpoints, SwfRequestHandler swf, ClockEndpoints clock, ConsoleEndpoints? console, (Func<int> Swf, Func<int> Console)? ports)
    {
        var swfEndpoints = endpoints.MapGroup(string.Empty);
        var consoleEndpoints = endpoints.MapGroup(string.Empty);
        if (ports is var (swfPort, consolePort))
        {
            swfEndpoints.WithMetadata(new LocalPortMetadata(swfPort));
            consoleEndpoints.WithMetadata(new LocalPortMetadata(consolePort));
        }

        swfEndpoints.MapPost("/", swf.HandleAsync).WithDisplayName("SWF");
        clock.Map(swfEndpoints);

        // Whatever else reaches SWF's port and the console does not answer (another method or path)
        // is the handler's too: it answers as SWF does (an authentication error, or an
        // UnknownOperationException), which is what clients always got.
        swfEndpoints.MapFallback("{**path}", swf.HandleAsync).WithDisplayName("SWF: anything else");
        console?.Map(consoleEndpoints, ownPort: ports is not null);
    }
}
