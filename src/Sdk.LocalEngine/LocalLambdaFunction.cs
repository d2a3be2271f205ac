namespace Swf.LocalEngine;

/// <summary>
/// A Lambda function the engine runs in process for <c>ScheduleLambdaFunction</c> decisions that name it
/// (<see cref="LocalSwfEngineOptions.LambdaFunctions"/>): it receives the task's input as SWF would pass it and
/// returns the result to record.
/// </summary>
/// <param name="input">The Lambda task's input, as the decision gave it.</param>
/// <param name="cancellationToken">
/// Cancelled when the task times out (its start-to-close timeout, on the engine's clock) or its run closes; whatever
/// the function returns after that is dropped, as SWF drops a late Lambda result.
/// </param>
/// <returns>The result recorded in <c>LambdaFunctionCompleted</c>. An exception records <c>LambdaFunctionFailed</c>.</returns>
public delegate Task<string?> LocalLambdaFunction(string? input, CancellationToken cancellationToken);
