using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>Where a type is declared: its namespace (empty for the global one) and the declarations of the types containing it, outermost first (such as <c>partial class Outer</c>).</summary>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<string> ContainingTypes)
{
    /// <summary>Gets the prefix of hint names: the namespace and the containing types' names, dot-separated.</summary>
    public string HintPrefix { get; init; } = string.Empty;
}
