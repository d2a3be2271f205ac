using System.Globalization;
using Swf.Exceptions;

namespace Swf.Workflows;

/// <content>Lambda tasks: SWF invokes an AWS Lambda function for the workflow (<c>ScheduleLambdaFunction</c>).</content>
public static partial class Workflow
{
    private const int MaxFunctionNameLength = 64;
    private const int MaxLambdaIdLength = 256;

    /// <summary>
    /// Runs an AWS Lambda function as a Lambda task (<c>ScheduleLambdaFunction</c>) with an encoded input and returns
    /// its encoded result, retrying as <see cref="LambdaOptions.Retry"/> says (backoff waits are durable timers).
    /// SWF invokes the function with the execution's <c>lambdaRole</c>; no worker is involved.
    /// </summary>
    /// <param name="functionName">The function's name or ARN (at most 64 characters).</param>
    /// <param name="input">The input SWF passes to the function (at most 32,768 characters), or null.</param>
    /// <param name="options">How to schedule it.</param>
    /// <param name="cancellationToken">
    /// Withdraws the Lambda task while its decision is not sent yet, and cancels a retry's backoff. SWF cannot cancel a
    /// scheduled Lambda task, so once it is scheduled the token changes nothing: the workflow gets the function's
    /// outcome. Null (the default) means <see cref="LambdaOptions.CancellationToken"/>, then <see cref="CancellationToken"/>.
    /// </param>
    /// <returns>The function's result as SWF recorded it.</returns>
    /// <exception cref="ArgumentException">The name, id or timeout is outside what SWF accepts.</exception>
    /// <exception cref="PayloadTooLargeException">The input is longer than SWF accepts.</exception>
    /// <exception cref="LambdaFunctionFailedException">The function failed (after the retries the policy allows).</exception>
    /// <exception cref="LambdaFunctionTimedOutException">The function did not finish in time (after retries).</exception>
    /// <exception cref="LambdaFunctionScheduleFailedException">SWF refused to schedule the task.</exception>
    /// <exception cref="LambdaFunctionStartFailedException">SWF could not invoke the function.</exception>
    /// <exception cref="LambdaFunctionCanceledException">The task was withdrawn before it was sent (an <see cref="OperationCanceledException"/>).</exception>
    public static async Task<string?> ExecuteLambdaAsync(string functionName, string? input, LambdaOptions? options = null, CancellationToken? cancellationToken = null)
    {
        ValidateLambdaCall(functionName, options);
        var context = Context;
        PayloadTooLargeException.ThrowIfTooLarge(input, functionName, static n => $"ExecuteLambdaAsync({n}) input");
        options ??= new LambdaOptions();
        var token = cancellationToken ?? options.CancellationToken ?? context.CancellationToken;
        var baseId = options.Id ?? context.NextLambdaId();
        var firstScheduled = context.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var id = attempt == 1 ? baseId : string.Create(CultureInfo.InvariantCulture, $"{baseId}-{attempt}");
            try
            {
                return await context.ScheduleLambdaAsync(id, functionName, input, options.StartToCloseTimeout, token);
            }
            catch (LambdaFunctionException ex) when (options.Retry is { } retry && ex is LambdaFunctionFailedException or LambdaFunctionTimedOutException
                && retry.ShouldRetry(attempt, (ex as LambdaFunctionFailedException)?.Reason, context.UtcNow - firstScheduled))
            {
                await context.DelayAsync(retry.BackoffAfter(attempt), timerId: null, token);
            }
            catch (LambdaFunctionFailedException ex) when (attempt > 1)
            {
                throw new LambdaFunctionFailedException(ex.FunctionName, ex.LambdaId, ex.Reason, ex.Details, attempt);
            }
            catch (LambdaFunctionTimedOutException ex) when (attempt > 1)
            {
                throw new LambdaFunctionTimedOutException(ex.FunctionName, ex.LambdaId, ex.TimeoutType, attempt);
            }
        }
    }

    /// <summary>
    /// Runs an AWS Lambda function as a Lambda task, encoding its input and decoding its result with the workflow's
    /// payload converter (see the untyped overload for the rules).
    /// </summary>
    /// <typeparam name="TIn">The input's type.</typeparam>
    /// <typeparam name="TOut">The result's type.</typeparam>
    /// <param name="functionName">The function's name or ARN.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">How to schedule it.</param>
    /// <param name="cancellationToken">Withdraws the task while it is not sent yet; null follows the options' token, then the workflow's.</param>
    /// <returns>The decoded result.</returns>
    public static async Task<TOut?> ExecuteLambdaAsync<TIn, TOut>(string functionName, TIn input, LambdaOptions? options = null, CancellationToken? cancellationToken = null)
    {
        var converter = Context.PayloadConverter;
        var result = await ExecuteLambdaAsync(functionName, converter.Serialize(input), options, cancellationToken);
        return converter.Deserialize<TOut>(result);
    }

    /// <summary>Checks, at the call, what SWF would otherwise reject after the decision was sent.</summary>
    private static void ValidateLambdaCall(string functionName, LambdaOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (functionName.Length > MaxFunctionNameLength)
        {
            throw new ArgumentException($"A Lambda function name is at most {MaxFunctionNameLength} characters; '{functionName}' has {functionName.Length}.", nameof(functionName));
        }

        if (options?.Id is { } id && (id.Length == 0 || id.Length > MaxLambdaIdLength))
        {
            throw new ArgumentException($"LambdaOptions.Id must have 1 to {MaxLambdaIdLength} characters; it has {id.Length}.", nameof(options));
        }

        if (options?.StartToCloseTimeout is { } timeout
            && (timeout < LambdaOptions.MinStartToCloseTimeout || timeout > LambdaOptions.MaxStartToCloseTimeout || timeout.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                timeout,
                "LambdaOptions.StartToCloseTimeout must be whole seconds from 1 to 900 (SWF's range for a Lambda task); it was " + timeout.ToString("c", CultureInfo.InvariantCulture) + ".");
        }
    }
}
