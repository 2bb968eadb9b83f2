using OfficeBot.TeamsPackage;

namespace OfficeBot.TeamsPackage.Tests;

public class IconTests
{
    private static PngImage Icon(string file) => PngImage.Read(File.ReadAllBytes(Path.Combine(TeamsApp.Source, file)));

    [Fact]
    public void ColorIcon_Committed_Is192SquareAndFullyOpaque()
    {
        var icon = Icon("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void ColorIcon_Committed_ShowsAGlyphInSeveralColours()
    {
        var colours = Icon("color.png").Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Count();

        Assert.True(colours >= 4, $"only {colours} colours: a blank square, not a glyph");
    }

    [Fact]
    public void OutlineIcon_Committed_Is32SquareWithAlpha()
    {
        var icon = Icon("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(PngImage.TruecolourWithAlpha, icon.ColourType);
    }

    [Fact]
    public void OutlineIcon_Committed_IsOnlyWhiteOnTransparent()
    {
        var pixels = Icon("outline.png").Pixels().ToList();

        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"visible pixel #{p.R:X2}{p.G:X2}{p.B:X2}"));
        var visible = pixels.Count(p => p.A > 0);
        Assert.InRange(visible, 32, pixels.Count / 2);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Problems_OutlineUsedAsColourIcon_SizeAndTransparencyNamed()
    {
        using var directory = new TemporaryDirectory();
        var copy = TeamsApp.CopyTo(directory.Path);
        File.Copy(Path.Combine(copy, "outline.png"), Path.Combine(copy, "color.png"), overwrite: true);

        var problems = ManifestRules.Problems(AppPackage.Load(copy).Fill(TeamsApp.BotId, TeamsApp.Version, null));

        Assert.Contains("color.png: is 32×32; the colour icon must be 192×192", problems);
        Assert.Contains(problems, p => p.StartsWith("color.png: has ", StringComparison.Ordinal) && p.EndsWith(" pixels that are not opaque; the colour icon is full colour on a solid background", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ColourIconUsedAsOutline_NonWhitePixelsNamed()
    {
        using var directory = new TemporaryDirectory();
        var copy = TeamsApp.CopyTo(directory.Path);
        File.Copy(Path.Combine(copy, "color.png"), Path.Combine(copy, "outline.png"), overwrite: true);

        var problems = ManifestRules.Problems(AppPackage.Load(copy).Fill(TeamsApp.BotId, TeamsApp.Version, null));

        Assert.Contains("outline.png: is 192×192; the outline icon must be 32×32", problems);
        Assert.Contains(problems, p => p.StartsWith("outline.png: has ", StringComparison.Ordinal) && p.Contains("visible pixels that are not white (#FFFFFF)", StringComparison.Ordinal));
    }
}
