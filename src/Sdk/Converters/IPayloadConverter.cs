namespace Swf.Converters;

/// <summary>
/// Turns workflow and activity arguments and results into SWF's data strings (at most 32,768
/// characters) and back. The default is <see cref="JsonPayloadConverter"/>.
/// </summary>
public interface IPayloadConverter
{
    /// <summary>Encodes a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The data string, or null for nothing.</returns>
    string? Serialize<T>(T value);

    /// <summary>Decodes a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="data">The data string; null or empty decodes to <c>default</c>.</param>
    /// <returns>The value.</returns>
    T? Deserialize<T>(string? data);
}
