namespace Swf.Generators.Models;

/// <summary>A signal: its SWF name and its handler method.</summary>
internal sealed record SignalModel(string SignalName, MethodModel Method);
