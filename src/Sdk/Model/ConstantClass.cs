namespace Swf.Model;

/// <summary>
/// Base of SWF's string enumerations. A value is compared by its wire string, so a value that a
/// newer SWF sends and this version does not know still round-trips instead of failing.
/// </summary>
public abstract class ConstantClass : IEquatable<ConstantClass>
{
    /// <summary>Initializes the value.</summary>
    /// <param name="value">The wire value.</param>
    protected ConstantClass(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Gets the value as SWF sends it.</summary>
    public string Value { get; }

    /// <summary>Compares two values by their wire strings.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><c>true</c> when both are null or have the same wire string.</returns>
    public static bool operator ==(ConstantClass? left, ConstantClass? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>Compares two values by their wire strings.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><c>true</c> when the wire strings differ.</returns>
    public static bool operator !=(ConstantClass? left, ConstantClass? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(ConstantClass? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConstantClass other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
