using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>What the parser made of one attributed type: the model (null when errors stop generation) and the diagnostics.</summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
