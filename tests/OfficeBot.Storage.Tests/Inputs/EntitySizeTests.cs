namespace OfficeBot.Storage.Tests.Inputs;

/// <summary>
/// How the storage port measures text: as the Azure SDK sends it, non-ASCII escaped. The size refusals built on it are
/// part of the backends' contract (<see cref="TableStoreContractTests"/>).
/// </summary>
public sealed class EntitySizeTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("審", 6)]
    [InlineData("😀", 12)]
    [InlineData("a\"b", 8)]
    [InlineData("line\n", 6)]
    public void WireBytes_CountsAsTheSdkEscapes(string text, long expected)
    {
        Assert.Equal(expected, EntitySize.WireBytes(text));
    }
}
