using System.Text;
using Swf.Payloads;

namespace Swf.Tests.Payloads;

public sealed class PayloadStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "swf-payload-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void ObjectKey_ExecutionGiven_NamesDomainWorkflowRunAndHash()
    {
        var key = new PayloadStoreContext("shop", "order/7", "run-1").ObjectKey("abc");

        Assert.Equal("shop/order%2F7/run-1/abc", key);
    }

    [Fact]
    public void ObjectKey_RunUnknown_UsesPlaceholder()
    {
        Assert.Equal("shop/order-7/_/abc", new PayloadStoreContext("shop", "order-7", null).ObjectKey("abc"));
    }

    [Fact]
    public async Task FileSystemPayloadStore_PutThenGet_ReturnsTheBytes()
    {
        var store = new FileSystemPayloadStore(_folder);
        var content = Encoding.UTF8.GetBytes("payload");

        var reference = await store.PutAsync("shop/wf/run/hash", content);
        var again = await store.PutAsync("shop/wf/run/hash", content);

        Assert.Equal(reference, again);
        Assert.Equal(content, await store.GetAsync(reference));
        Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FileSystemPayloadStore_MissingObject_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => new FileSystemPayloadStore(_folder).GetAsync("shop/wf/run/none"));
    }

    [Fact]
    public async Task FileSystemPayloadStore_KeyLeavingTheFolder_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new FileSystemPayloadStore(_folder).GetAsync("../../etc/passwd"));
    }

    [Fact]
    public async Task InMemoryPayloadStore_SameKeyTwice_StoresOnce()
    {
        var store = new InMemoryPayloadStore();

        await store.PutAsync("a/b/c/h", new byte[] { 1 });
        await store.PutAsync("a/b/c/h", new byte[] { 1 });

        Assert.Equal(1, store.Count);
        Assert.Equal(new byte[] { 1 }, await store.GetAsync("a/b/c/h"));
    }
}
