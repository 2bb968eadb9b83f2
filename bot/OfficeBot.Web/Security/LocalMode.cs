namespace OfficeBot.Web.Security;

/// <summary>
/// Where the bot may relax its trust rules: on a developer's machine (<c>Development</c>, with the Agents Playground)
/// and in the test harness (<c>Testing</c>, with a local fake connector). Every other environment is treated as a real
/// deployment.
/// </summary>
public static class LocalMode
{
    /// <summary>The environment name the in-process and process tests run the bot in.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>The tenant that activities without one are filed under in anonymous local mode (the Playground may send none).</summary>
    public const string LocalTenant = "local-tenant";

    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    /// <summary>No app id: requests are not authenticated. Allowed only locally and on loopback (see <see cref="AnonymousModeGuard"/>).</summary>
    public static bool IsAnonymous(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
}
