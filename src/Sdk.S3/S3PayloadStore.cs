using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Swf.Payloads;

namespace Swf.S3;

/// <summary>
/// The claim check's store in an Amazon S3 bucket: one object per payload under
/// <c>{prefix}{domain}/{workflowId}/{runId}/{sha256}</c>. An object that exists already is not written again
/// (identical payloads are stored once). Server-side encryption, retention and deletion are the bucket's
/// (default encryption, lifecycle rules): the store sets nothing per object.
/// </summary>
/// <remarks>Needs <c>s3:PutObject</c> and <c>s3:GetObject</c> on the prefix (and <c>s3:ListBucket</c> on the bucket, so a missing object is a 404, not a 403).</remarks>
public sealed class S3PayloadStore : IPayloadStore
{
    private readonly IAmazonS3 _s3;

    /// <summary>Initializes the store.</summary>
    /// <param name="s3">The S3 client (from <c>AddAWSService&lt;IAmazonS3&gt;()</c>, say).</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">Prepended to every object key, such as <c>swf-payloads/</c>; empty by default.</param>
    public S3PayloadStore(IAmazonS3 s3, string bucket, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        _s3 = s3;
        Bucket = bucket;
        Prefix = prefix;
    }

    /// <summary>Gets the bucket.</summary>
    public string Bucket { get; }

    /// <summary>Gets the prefix of the object keys.</summary>
    public string Prefix { get; }

    /// <inheritdoc/>
    public string Name => "s3";

    /// <inheritdoc/>
    /// <remarks>The reference is the full object key, prefix included, so a reader with another prefix still finds it.</remarks>
    public async Task<string> PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var objectKey = Prefix + key;
        if (await ExistsAsync(objectKey, cancellationToken).ConfigureAwait(false))
        {
            return objectKey;
        }

        using var body = new MemoryStream(content.ToArray(), writable: false);
        await _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = objectKey, InputStream = body, ContentType = "application/json" },
            cancellationToken).ConfigureAwait(false);
        return objectKey;
    }

    /// <inheritdoc/>
    public async Task<byte[]> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = reference }, cancellationToken).ConfigureAwait(false);
            using var content = new MemoryStream();
            await response.ResponseStream.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            return content.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new KeyNotFoundException($"Bucket {Bucket} has no object '{reference}' (deleted by a lifecycle rule?).", ex);
        }
    }

    private async Task<bool> ExistsAsync(string objectKey, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = objectKey }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            // Without s3:ListBucket a missing object answers 403; either way, write it.
            return false;
        }
    }
}
