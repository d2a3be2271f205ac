namespace Swf.Generators.Models;

/// <summary>A method parameter: its C# name (escaped if a keyword), its <c>global::</c> type, and whether it is the <see cref="System.Threading.CancellationToken"/> rather than a payload.</summary>
internal sealed record ParameterModel(string Name, string Type, bool IsCancellationToken);
