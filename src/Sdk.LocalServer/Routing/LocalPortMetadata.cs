namespace Swf.LocalServer.Routing;

/// <summary>
/// Endpoint metadata: the endpoint answers only connections made to one of the server's loopback
/// ports (see <see cref="LocalPortMatcherPolicy"/>).
/// </summary>
/// <param name="port">Reads the port. It is read per request, because a port configured as 0 is only known once Kestrel has bound it.</param>
internal sealed class LocalPortMetadata(Func<int> port)
{
    /// <summary>Gets the port the endpoint answers on.</summary>
    public int Port => port();
}
