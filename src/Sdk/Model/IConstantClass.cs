namespace Swf.Model;

/// <summary>Creates values of an SWF string enumeration from their wire strings.</summary>
/// <typeparam name="T">The enumeration.</typeparam>
public interface IConstantClass<T>
    where T : ConstantClass
{
    /// <summary>Gets every value SWF documents.</summary>
    static abstract IReadOnlyCollection<T> KnownValues { get; }

    /// <summary>Returns the known value with this wire string, or a new value that keeps it.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    static abstract T FindValue(string value);
}
