using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Wire;

/// <summary>
/// SWF's enum constraint on requests. The model's enums are open so that a client keeps values a
/// newer SWF sends, and its validator lets any value through for the same reason; the service
/// itself takes only the values it documents, so the engine checks them here.
/// </summary>
internal static class EnumValues
{
    /// <summary>Throws SWF's ValidationException when <paramref name="value"/> is set and not one of the documented values.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The request's value, or null when the member is absent.</param>
    /// <param name="path">The member's path, as SWF names it.</param>
    /// <exception cref="ValidationException">The value is not documented.</exception>
    public static void ThrowIfUnknown<T>(T? value, string path)
        where T : ConstantClass, IConstantClass<T>
    {
        // Ordinal, as SWF compares: "terminate" and " TERMINATE" are not TERMINATE.
        if (value is null || T.KnownValues.Any(known => string.Equals(known.Value, value.Value, StringComparison.Ordinal)))
        {
            return;
        }

        throw new ValidationException(
            $"1 validation error detected: Value '{value.Value}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", T.KnownValues.Select(v => v.Value))}]");
    }
}
