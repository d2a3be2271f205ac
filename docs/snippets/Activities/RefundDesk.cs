using System.Collections.Concurrent;
using Swf.Client;
using Swf.Model;

namespace Docs.Snippets.Activities;

/// <summary>Where refunds wait for a person: the task tokens of open <c>ApproveRefund</c> tasks.</summary>
public sealed class RefundDesk(ISwfClient swf)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public void Enqueue(string orderId, string taskToken) => _tokens[orderId] = taskToken;

    #region complete-by-token
    // Any process with SWF credentials can close the task by its token:
    // with a result, a failure or a cancellation.
    public async Task ApproveAsync(string orderId)
    {
        if (_tokens.TryRemove(orderId, out var taskToken))
        {
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest
            {
                TaskToken = taskToken,
                Result = "true",
            });
        }
    }
    #endregion
}
