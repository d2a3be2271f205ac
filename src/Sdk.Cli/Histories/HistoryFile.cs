using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Histories;

/// <summary>Reads history files for the commands, turning every problem into a one-line error (the parsing is <see cref="HistoryJson"/>'s).</summary>
internal static class HistoryFile
{
    /// <summary>Reads a history file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, or not a history.</exception>
    public static IReadOnlyList<HistoryEvent> Read(string path) => ReadDocument(path).Events;

    /// <summary>Reads a history file, with the execution it records when it records one.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The events, by event id, and the execution.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, or not a history.</exception>
    public static HistoryDocument ReadDocument(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a directory, not a history file.");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path} cannot be read: {ex.Message}", ex);
        }

        return ParseDocument(bytes, path);
    }

    /// <summary>Reads a history from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="CliException">The JSON is not a history.</exception>
    public static IReadOnlyList<HistoryEvent> Parse(ReadOnlySpan<byte> utf8, string source) => ParseDocument(utf8, source).Events;

    /// <summary>Reads a history, with the execution it records, from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <returns>The events, by event id, and the execution.</returns>
    /// <exception cref="CliException">The JSON is not a history.</exception>
    public static HistoryDocument ParseDocument(ReadOnlySpan<byte> utf8, string source)
    {
        try
        {
            return HistoryJson.ParseDocument(utf8, source);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }
}
