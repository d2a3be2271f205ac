namespace Swf.Payloads;

/// <summary>
/// A payload store in a folder, for local development (next to swf-local's journal, say): one file per payload,
/// at the object key's path under the folder. Files are written to a temporary name and moved into place, so a
/// reader never sees half a payload.
/// </summary>
public sealed class FileSystemPayloadStore : IPayloadStore
{
    /// <summary>Initializes the store.</summary>
    /// <param name="directory">The folder; created when missing.</param>
    public FileSystemPayloadStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Gets the folder.</summary>
    public string Directory { get; }

    /// <inheritdoc/>
    public string Name => "file";

    /// <inheritdoc/>
    public async Task<string> PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same content first: the object is content-addressed, so theirs is ours.
            File.Delete(temporary);
        }

        return key;
    }

    /// <inheritdoc/>
    public async Task<byte[]> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        var path = PathOf(reference);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyNotFoundException($"The payload store in {Directory} has no object '{reference}'.", ex);
        }
    }

    private string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var path = Path.GetFullPath(Path.Combine(Directory, key.Replace('/', Path.DirectorySeparatorChar)));
        // Keys come from history, which anyone who can signal the run can write into: keep them inside the folder.
        if (!path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The payload key '{key}' points outside the store's folder.", nameof(key));
        }

        return path;
    }
}
