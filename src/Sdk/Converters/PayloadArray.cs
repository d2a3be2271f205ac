using System.Text;
using System.Text.Json;

namespace Swf.Converters;

/// <summary>
/// Packs the encoded arguments of a method with several payload parameters into one JSON array, and
/// unpacks it. Generated code uses it so that each argument keeps its own (source-generated) JSON
/// metadata and no wrapper type is needed. The elements must be JSON (as <see cref="JsonPayloadConverter"/> makes them).
/// </summary>
public static class PayloadArray
{
    /// <summary>Joins encoded values into a JSON array; a null element becomes JSON <c>null</c>.</summary>
    /// <param name="elements">The encoded values, in parameter order.</param>
    /// <returns>The array's JSON text.</returns>
    public static string Encode(params string?[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var text = new StringBuilder("[");
        for (var i = 0; i < elements.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(elements[i] ?? "null");
        }

        return text.Append(']').ToString();
    }

    /// <summary>Splits a JSON array made by <see cref="Encode"/> into its elements' JSON texts.</summary>
    /// <param name="data">The array's JSON text; null or empty gives <paramref name="count"/> nulls.</param>
    /// <param name="count">The number of elements expected.</param>
    /// <returns>The elements' JSON texts; JSON <c>null</c> and missing trailing elements are null.</returns>
    /// <exception cref="FormatException">The data is not a JSON array, or it has more than <paramref name="count"/> elements.</exception>
    public static string?[] Decode(string? data, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new string?[count];
        if (string.IsNullOrEmpty(data))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() > count)
            {
                throw new FormatException($"Expected a JSON array of at most {count} elements.");
            }

            var i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                result[i++] = element.ValueKind == JsonValueKind.Null ? null : element.GetRawText();
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Expected a JSON array of at most {count} elements.", ex);
        }
    }
}
