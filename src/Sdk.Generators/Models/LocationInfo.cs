using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Swf.Generators.Models;

/// <summary>A value-equal stand-in for a <see cref="Location"/>, so models and diagnostics can be cached.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
