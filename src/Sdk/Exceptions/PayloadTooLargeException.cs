using System.Globalization;

namespace Swf.Exceptions;

/// <summary>
/// An encoded payload (input, result, details, signal input) is longer than SWF accepts. Thrown where
/// the payload is made, naming the call, the size and the limit, instead of failing later on the wire.
/// </summary>
public sealed class PayloadTooLargeException : ArgumentException
{
    /// <summary>SWF's limit for data fields: 32,768 characters.</summary>
    public const int DataLimit = 32_768;

    /// <summary>Initializes the exception.</summary>
    /// <param name="call">The call that made the payload, such as <c>ExecuteActivityAsync(Charge 1) input</c>.</param>
    /// <param name="size">The payload's length in characters.</param>
    /// <param name="limit">The limit.</param>
    public PayloadTooLargeException(string call, int size, int limit)
        : base(string.Create(CultureInfo.InvariantCulture, $"{call}: the encoded payload has {size:N0} characters; SWF accepts at most {limit:N0}."))
    {
        Call = call;
        Size = size;
        Limit = limit;
    }

    /// <summary>Gets the call that made the payload.</summary>
    public string Call { get; }

    /// <summary>Gets the payload's length in characters.</summary>
    public int Size { get; }

    /// <summary>Gets the limit.</summary>
    public int Limit { get; }

    /// <summary>Throws when a payload is longer than the limit.</summary>
    /// <param name="payload">The encoded payload, or null.</param>
    /// <param name="call">Names the call, for the message.</param>
    /// <param name="limit">The limit; SWF's data limit by default.</param>
    /// <exception cref="PayloadTooLargeException">The payload is too long.</exception>
    /// <remarks>
    /// In workflow code, SWF's limit gives way to the worker's: with a payload pipeline (codecs, claim check) the
    /// payload is checked after encoding instead, where it may have shrunk or been stored.
    /// </remarks>
    public static void ThrowIfTooLarge(string? payload, string call, int limit = DataLimit)
    {
        if (limit == DataLimit)
        {
            limit = Worker.WorkflowInstance.CurrentPayloadLimit;
        }

        if (payload is not null && payload.Length > limit)
        {
            throw new PayloadTooLargeException(call, payload.Length, limit);
        }
    }

    /// <summary>
    /// Throws when a payload is longer than SWF's data limit, describing the call only then: workflow
    /// code checks every activity input, so the happy path must not build a message.
    /// </summary>
    /// <typeparam name="TState">What the description is made from.</typeparam>
    /// <param name="payload">The encoded payload, or null.</param>
    /// <param name="state">Passed to <paramref name="describeCall"/>.</param>
    /// <param name="describeCall">Names the call, for the message; a static lambda avoids any allocation.</param>
    /// <exception cref="PayloadTooLargeException">The payload is too long.</exception>
    /// <remarks>In workflow code, SWF's limit gives way to the worker's, as for the other overload.</remarks>
    public static void ThrowIfTooLarge<TState>(string? payload, TState state, Func<TState, string> describeCall)
    {
        ArgumentNullException.ThrowIfNull(describeCall);
        if (payload is not null && payload.Length > DataLimit && payload.Length > Worker.WorkflowInstance.CurrentPayloadLimit)
        {
            throw new PayloadTooLargeException(describeCall(state), payload.Length, DataLimit);
        }
    }
}
