namespace OfficeBot.Testing;

public static class RepositoryRoot
{
    // The solution marks the root; Directory.Packages.props (always at the root) also does, for checkouts without it.
    private static readonly string[] Markers = ["OfficeBot.sln", "OfficeBot.slnx", "Directory.Packages.props"];

    /// <summary>The folder holding <c>OfficeBot.sln</c>, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        foreach (var marker in Markers)
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, marker)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No OfficeBot.sln found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
