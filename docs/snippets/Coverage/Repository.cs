namespace Docs.Snippets.Coverage;

/// <summary>Finds the repository's files from the test's output folder (CI builds with /_/ source paths).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static IEnumerable<string> SourceFiles(string relativeFolder) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeFolder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
