using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Swf.Exceptions;
using Swf.Payloads;
using Swf.S3;

namespace Swf.Interop.Tests;

/// <summary>The claim check's S3 store against moto_server's S3 API (the same server process that serves SWF).</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoS3PayloadStoreTests(MotoServerFixture moto)
{
    private static readonly string Large = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"line\":{i},\"sku\":\"{Guid.NewGuid():N}\"}},"));

    private async Task<(AmazonS3Client S3, string Bucket)> BucketAsync()
    {
        Skip.If(moto.SkipReason is not null, moto.SkipReason);
        var s3 = new AmazonS3Client(
            new BasicAWSCredentials("testing", "testing"),
            new AmazonS3Config { ServiceURL = moto.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var bucket = MotoScenario.Unique("payloads").ToLowerInvariant();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return (s3, bucket);
    }

    [SkippableFact]
    public async Task PutAsync_ThenGetAsync_ReturnsTheBytesUnderThePrefixedKey()
    {
        var (s3, bucket) = await BucketAsync();
        using var _ = s3;
        var store = new S3PayloadStore(s3, bucket, "swf/");

        var reference = await store.PutAsync("shop/order-1/run-1/abc", Encoding.UTF8.GetBytes("payload"));

        Assert.Equal("swf/shop/order-1/run-1/abc", reference);
        Assert.Equal("payload", Encoding.UTF8.GetString(await store.GetAsync(reference)));
    }

    [SkippableFact]
    public async Task EncodeAsync_IdenticalLargePayloads_OneObjectInTheBucket()
    {
        var (s3, bucket) = await BucketAsync();
        using var _ = s3;
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = new S3PayloadStore(s3, bucket) });
        var context = new PayloadStoreContext("shop", "order-2", "run-2");

        var first = await pipeline.EncodeAsync(Large, context);
        var second = await pipeline.EncodeAsync(Large, context);

        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Equal(first, second);
        var only = Assert.Single(listed.S3Objects);
        Assert.StartsWith("shop/order-2/run-2/", only.Key, StringComparison.Ordinal);
        Assert.Contains("\"store\":\"s3\"", first, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DecodeAsync_AnotherReader_FetchesFromTheBucket()
    {
        var (s3, bucket) = await BucketAsync();
        using var _ = s3;
        var options = new PayloadPipelineOptions { Store = new S3PayloadStore(s3, bucket) };
        options.Codecs.Add(new CompressionPayloadCodec());
        var wire = await new PayloadPipeline(options).EncodeAsync(Large, new PayloadStoreContext("shop", "order-3", null));
        var readerOptions = new PayloadPipelineOptions { Store = new S3PayloadStore(s3, bucket) };
        readerOptions.Codecs.Add(new CompressionPayloadCodec());

        var read = await new PayloadPipeline(readerOptions).DecodeAsync(wire);

        Assert.True(wire!.Length < 300);
        Assert.Equal(Large, read);
    }

    [SkippableFact]
    public async Task DecodeAsync_ObjectDeleted_FailsNamingTheReference()
    {
        var (s3, bucket) = await BucketAsync();
        using var _ = s3;
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = new S3PayloadStore(s3, bucket) });
        var wire = await pipeline.EncodeAsync(Large, new PayloadStoreContext("shop", "order-4", "run-4"));
        var key = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Single().Key;
        await s3.DeleteObjectAsync(bucket, key);

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await pipeline.DecodeAsync(wire));

        Assert.IsType<KeyNotFoundException>(error.InnerException);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
