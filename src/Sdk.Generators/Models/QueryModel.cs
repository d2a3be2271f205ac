namespace Swf.Generators.Models;

/// <summary>A query: its name in the execution context, the member that computes it, whether that member is a method, and its <c>global::</c> value type.</summary>
internal sealed record QueryModel(string QueryName, string MemberName, bool IsMethod, string Type);
