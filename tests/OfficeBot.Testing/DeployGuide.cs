using System.Text.RegularExpressions;

namespace OfficeBot.Testing;

/// <summary>
/// The deployment guide (<c>docs/deploy.md</c>) as the tests read it: its fenced code blocks and its inline code, so
/// that the commands an administrator copies from it are the ones CI parses or runs.
/// </summary>
public static partial class DeployGuide
{
    public const string RelativePath = "docs/deploy.md";

    /// <summary>A fenced block: its language (<c>bash</c>, <c>kusto</c>), its text, and the guide's line it starts on.</summary>
    public sealed record Block(string Language, string Text, int Line);

    public static string Read() => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), RelativePath));

    public static IReadOnlyList<Block> Blocks(string markdown)
    {
        var blocks = new List<Block>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var body = new List<string>();
            var start = i + 1;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            if (i == lines.Length)
            {
                throw new FormatException($"{RelativePath}: the block opened on line {start} is never closed.");
            }

            blocks.Add(new Block(open.Groups["language"].Value, string.Join('\n', body), start + 1));
        }

        return blocks;
    }

    /// <summary>Inline code spans outside the fenced blocks (a span may run over a line break).</summary>
    public static IReadOnlyList<string> InlineCode(string markdown)
    {
        var outside = FencedBlock().Replace(markdown, string.Empty);
        return InlineSpan().Matches(outside).Select(m => Whitespace().Replace(m.Groups[1].Value, " ").Trim()).ToList();
    }

    /// <summary>The block's commands, one per entry, with <c>\</c> line continuations joined.</summary>
    public static IReadOnlyList<string> Commands(Block block) =>
        Continuation().Replace(block.Text, " ").Split('\n').Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

    /// <summary>
    /// The words of the guide's one <c>dotnet publish</c> command (without <c>dotnet</c>): what the Web App runs, and what
    /// the publish test runs before starting the output.
    /// </summary>
    public static IReadOnlyList<string> PublishCommand()
    {
        var publish = Blocks(Read()).Where(b => b.Language == "bash").SelectMany(Commands)
            .Where(c => c.StartsWith("dotnet publish ", StringComparison.Ordinal)).ToList();
        return publish.Count == 1
            ? publish[0].Split(' ')[1..]
            : throw new InvalidOperationException($"{RelativePath} should hold exactly one `dotnet publish` command; it holds {publish.Count}.");
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<language>[a-z]+)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*```[a-z]+\s*$.*?^\s*```\s*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineSpan();

    [GeneratedRegex(@"\\\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
