using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>A run, signal or activity method: its name, parameters and the <c>global::</c> result type of its <c>Task&lt;T&gt;</c> (null for <c>Task</c>).</summary>
internal sealed record MethodModel(string Name, EquatableArray<ParameterModel> Parameters, string? ResultType);
