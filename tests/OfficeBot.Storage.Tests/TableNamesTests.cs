namespace OfficeBot.Storage.Tests;

public sealed class TableNamesTests
{
    [Theory]
    [InlineData("Matters")]
    [InlineData("abc")]
    [InlineData("Reminders2025")]
    public void Validate_AzureValidName_ReturnsIt(string name)
    {
        Assert.Equal(name, TableNames.Validate(name));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1Matters")]
    [InlineData("Matter-Events")]
    [InlineData("Matter_Events")]
    [InlineData("")]
    [InlineData("事項表")]
    public void Validate_NameAzureRejects_ThrowsArgument(string name)
    {
        Assert.Throws<ArgumentException>(() => TableNames.Validate(name));
    }

    [Fact]
    public void Validate_64Characters_ThrowsArgument()
    {
        Assert.Equal(63, TableNames.Validate("M" + new string('a', 62)).Length);
        Assert.Throws<ArgumentException>(() => TableNames.Validate("M" + new string('a', 63)));
    }

    [Fact]
    public void Qualify_Prefix_PrependsIt()
    {
        Assert.Equal("bench42Matters", TableNames.Qualify("bench42", "Matters"));
        Assert.Equal("Matters", TableNames.Qualify(null, "Matters"));
        Assert.Equal("Matters", TableNames.Qualify("", "Matters"));
    }

    [Fact]
    public void Qualify_InvalidPrefix_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => TableNames.Qualify("run-1", "Matters"));
    }

    [Fact]
    public void Qualify_ShortNameMadeLongEnoughByPrefix_StillThrowsArgument()
    {
        // Production runs without a prefix, so the logical name must be valid alone.
        Assert.Throws<ArgumentException>(() => TableNames.Qualify("test", "ab"));
    }
}
