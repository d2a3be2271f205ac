using System.Linq;
using Microsoft.CodeAnalysis;
using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>A diagnostic found while parsing, kept value-equal (descriptor, location, message arguments).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, LocationInfo.From(location), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
