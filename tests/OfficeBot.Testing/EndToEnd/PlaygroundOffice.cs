using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OfficeBot.Testing.EndToEnd;

/// <summary>One person of the Playground's tenant, in the shape of its configuration file's users.</summary>
public sealed record PlaygroundUser(string Id, string Name, string AadObjectId, string Email, string GivenName, string Surname);

/// <summary>
/// The tenant every Playground instance of a test run shares (tenant, bot, group chat and team ids, six people);
/// each instance differs only in its current user and that user's personal chat id, as each Teams user has their own.
/// </summary>
public sealed record PlaygroundOffice(string TenantId, string BotId, string BotName, string GroupChatId, string GroupChatName, string TeamId, string TeamName, string TeamAadGroupId, string ChannelId, string ChannelName, IReadOnlyList<PlaygroundUser> People)
{
    /// <summary>The Playground exits (silently, with code 1) unless there are exactly five users besides the current one.</summary>
    public const int RequiredPeople = 6;

    /// <summary>The configuration file (schema 0.1.1) as seen by <paramref name="currentUser"/>.</summary>
    public string ConfigurationFor(PlaygroundUser currentUser)
    {
        if (People.Count != RequiredPeople || !People.Contains(currentUser))
        {
            throw new ArgumentException($"The Playground needs exactly {RequiredPeople} people, the current one among them.", nameof(currentUser));
        }

        var yaml = new StringBuilder();
        yaml.AppendLine("version: \"0.1.1\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"tenantId: {Quote(TenantId)}");
        yaml.AppendLine("bot:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(BotId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(BotName)}");
        yaml.AppendLine("currentUser:");
        AppendUser(yaml, currentUser, "  ");
        yaml.AppendLine("users:");
        foreach (var user in People.Where(p => p != currentUser))
        {
            AppendUser(yaml, user, "  - ", "    ");
        }

        yaml.AppendLine("personalChat:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(PersonalChatId(currentUser))}");
        yaml.AppendLine("groupChat:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(GroupChatId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(GroupChatName)}");
        yaml.AppendLine("team:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(TeamId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(TeamName)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  aadGroupId: {Quote(TeamAadGroupId)}");
        yaml.AppendLine("  channels:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    - id: {Quote(ChannelId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      name: {Quote(ChannelName)}");
        return yaml.ToString();
    }

    public static string PersonalChatId(PlaygroundUser user) => "personal-chat-" + user.Id;

    private static void AppendUser(StringBuilder yaml, PlaygroundUser user, string firstIndent, string? indent = null)
    {
        indent ??= firstIndent;
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{firstIndent}id: {Quote(user.Id)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}name: {Quote(user.Name)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}userPrincipleName: {Quote(user.Email)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}aadObjectId: {Quote(user.AadObjectId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}givenName: {Quote(user.GivenName)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}surname: {Quote(user.Surname)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}email: {Quote(user.Email)}");
    }

    // A JSON string is a valid YAML double-quoted scalar, so values are never spliced into the file unescaped.
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
