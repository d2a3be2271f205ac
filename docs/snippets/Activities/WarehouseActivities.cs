using System.Globalization;
using Swf.Activities;

namespace Docs.Snippets.Activities;

public sealed class WarehouseActivities(RefundDesk desk) : IWarehouseActivities
{
    public Task<string> PackAsync(string orderId) => Task.FromResult("box-" + orderId);

    #region heartbeat
    public async Task<int> ShipAsync(string orderId, CancellationToken cancellationToken)
    {
        var context = ActivityContext.Current!;
        // A retry resumes where the last attempt's heartbeat left off.
        var done = int.TryParse(context.LastHeartbeatDetails, out var last) ? last : 0;
        for (var pallet = done; pallet < 3; pallet++)
        {
            // Cancelled when the workflow cancels the activity.
            cancellationToken.ThrowIfCancellationRequested();
            await LoadPalletAsync(orderId, pallet, cancellationToken);
            var progress = (pallet + 1).ToString(CultureInfo.InvariantCulture);
            await context.HeartbeatAsync(progress, cancellationToken);
        }

        return 3;
    }
    #endregion

    #region manual
    public Task<bool> ApproveRefundAsync(string orderId)
    {
        // Leave the task open when this method returns: a person answers,
        // days later, through the task token.
        var context = ActivityContext.Current!;
        context.CompleteManually = true;
        desk.Enqueue(orderId, context.TaskToken);
        return Task.FromResult(false); // ignored: the token completes the task
    }
    #endregion

    private static Task LoadPalletAsync(string orderId, int pallet, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
