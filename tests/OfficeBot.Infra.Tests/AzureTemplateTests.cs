using System.Text.Json.Nodes;

namespace OfficeBot.Infra.Tests;

/// <summary>What the compiled template promises an office: HTTPS only, the bot's own identity, no keys, logs wired.</summary>
[Collection(AzureTemplateCollection.Name)]
public sealed class AzureTemplateTests(AzureTemplate template)
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    public static TheoryData<string> ParameterFiles => [.. AzureTemplate.ParameterFiles];

    private JsonNode WebApp => template.Resource("Microsoft.Web/sites")["properties"]!;

    private JsonNode SiteConfig => WebApp["siteConfig"]!;

    [Fact]
    public void WebApp_HttpsOnly_IsTrue() => Assert.True((bool?)WebApp["httpsOnly"]);

    [Fact]
    public void WebApp_MinTlsVersion_Is12() => Assert.Equal("1.2", (string?)SiteConfig["minTlsVersion"]);

    [Fact]
    public void WebApp_Ftps_IsDisabled() => Assert.Equal("Disabled", (string?)SiteConfig["ftpsState"]);

    [Fact]
    public void WebApp_HealthCheck_IsReadiness() => Assert.Equal("/readyz", (string?)SiteConfig["healthCheckPath"]);

    [Fact]
    public void WebApp_Runtime_IsDotNet10OnLinuxAlwaysOn()
    {
        Assert.Equal("DOTNETCORE|10.0", (string?)SiteConfig["linuxFxVersion"]);
        Assert.True((bool?)SiteConfig["alwaysOn"]);
        Assert.True((bool?)template.Resource("Microsoft.Web/serverfarms")["properties"]!["reserved"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void WebApp_PublishingPasswords_AreOffForFtpAndScm(string parameterFile)
    {
        var site = (string)template.PredictedResource(parameterFile, "Microsoft.Web/sites")["name"]!;
        var policies = template.Predicted[parameterFile].OfType<JsonObject>()
            .Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal([$"{site}/ftp", $"{site}/scm"], policies.Select(p => (string)p["name"]!).Order());
        Assert.All(policies, p => Assert.False((bool?)p["properties"]!["allow"]));
    }

    [Fact]
    public void WebApp_Identity_IsUserAssigned() =>
        Assert.Equal("UserAssigned", (string?)template.Resource("Microsoft.Web/sites")["identity"]!["type"]);

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void WebApp_Identity_IsTheBotsIdentity(string parameterFile)
    {
        var identities = template.PredictedResource(parameterFile, "Microsoft.Web/sites")["identity"]!["userAssignedIdentities"]!.AsObject();
        var identity = (string)template.PredictedResource(parameterFile, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        Assert.Equal([identity], identities.Select(p => p.Key));
    }

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("AccountKey=")]
    [InlineData("Storage__Tables__ConnectionString")]
    public void Template_StorageKeys_AppearNowhere(string keyUse) =>
        Assert.DoesNotContain(keyUse, template.Text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Storage_SharedKeyAccess_IsOff() =>
        Assert.False((bool?)template.Resource("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]);

    [Fact]
    public void Storage_BlobPublicAccess_IsOff() =>
        Assert.False((bool?)template.Resource("Microsoft.Storage/storageAccounts")["properties"]!["allowBlobPublicAccess"]);

    [Fact]
    public void Storage_Transport_IsHttpsTls12()
    {
        var properties = template.Resource("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool?)properties["supportsHttpsTrafficOnly"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Storage_Identity_IsTableDataContributorOnTheAccount(string parameterFile)
    {
        var account = (string)template.PredictedResource(parameterFile, "Microsoft.Storage/storageAccounts")["id"]!;
        var identity = (string)template.PredictedResource(parameterFile, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var assignment = template.PredictedResource(parameterFile, "Microsoft.Authorization/roleAssignments");

        Assert.StartsWith(account + "/providers/Microsoft.Authorization/roleAssignments/", (string)assignment["id"]!);
        Assert.EndsWith("/roleDefinitions/" + TableDataContributor, (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Contains(identity, (string?)assignment["properties"]!["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Bot_SignsInAsTheUserAssignedIdentity(string parameterFile)
    {
        var identity = (string)template.PredictedResource(parameterFile, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var bot = template.PredictedResource(parameterFile, "Microsoft.BotService/botServices")["properties"]!;

        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal(identity, (string?)bot["msaAppMSIResourceId"]);
        Assert.Contains($"{identity}', '2023-01-31').clientId", (string?)bot["msaAppId"]);
        Assert.Contains($"{identity}', '2023-01-31').tenantId", (string?)bot["msaAppTenantId"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Bot_Endpoint_IsTheWebAppsMessagesPath(string parameterFile)
    {
        var site = (string)template.PredictedResource(parameterFile, "Microsoft.Web/sites")["id"]!;
        var endpoint = (string)template.PredictedResource(parameterFile, "Microsoft.BotService/botServices")["properties"]!["endpoint"]!;

        Assert.Contains("'https://{0}/api/messages'", endpoint);
        Assert.Contains(site, endpoint);
        Assert.Contains("defaultHostName", endpoint);
    }

    [Fact]
    public void Bot_TeamsChannel_IsEnabled()
    {
        var channel = template.Resource("Microsoft.BotService/botServices/channels")["properties"]!;
        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);
        Assert.True((bool?)channel["properties"]!["isEnabled"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Bot_SignsInWithTheIdentity(string parameterFile)
    {
        var settings = template.AppSettings(parameterFile);
        var identity = (string)template.PredictedResource(parameterFile, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Contains($"{identity}', '2023-01-31').clientId", settings["MicrosoftAppId"]);
        Assert.Contains($"{identity}', '2023-01-31').tenantId", settings["MicrosoftAppTenantId"]);
        Assert.Equal(settings["MicrosoftAppId"], settings["AZURE_CLIENT_ID"]);
        Assert.DoesNotContain("MicrosoftAppPassword", settings.Keys);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Tables_AreTheAccountsTableEndpoint(string parameterFile)
    {
        var settings = template.AppSettings(parameterFile);
        var account = (string)template.PredictedResource(parameterFile, "Microsoft.Storage/storageAccounts")["id"]!;

        Assert.Contains(account, settings["Storage__Tables__Endpoint"]);
        Assert.EndsWith(".primaryEndpoints.table]", settings["Storage__Tables__Endpoint"]);
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("Storage__Tables__ConnectionString", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("Storage__Sqlite", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_ApplicationInsights_ConnectionStringIsSet(string parameterFile)
    {
        var settings = template.AppSettings(parameterFile);
        var insights = (string)template.PredictedResource(parameterFile, "Microsoft.Insights/components")["id"]!;

        Assert.Contains(insights, settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.EndsWith(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Monitoring_ApplicationInsights_IsWorkspaceBasedAndGetsTheAppLogs(string parameterFile)
    {
        var workspace = (string)template.PredictedResource(parameterFile, "Microsoft.OperationalInsights/workspaces")["id"]!;
        var insights = template.PredictedResource(parameterFile, "Microsoft.Insights/components")["properties"]!;
        var diagnostics = template.PredictedResource(parameterFile, "Microsoft.Insights/diagnosticSettings");
        var site = (string)template.PredictedResource(parameterFile, "Microsoft.Web/sites")["id"]!;

        Assert.Equal(workspace, (string?)insights["WorkspaceResourceId"]);
        Assert.Equal(workspace, (string?)diagnostics["properties"]!["workspaceId"]);
        Assert.StartsWith(site + "/providers/Microsoft.Insights/diagnosticSettings/", (string)diagnostics["id"]!);
        Assert.Contains("AppServiceConsoleLogs", diagnostics["properties"]!["logs"]!.AsArray().Select(l => (string?)l!["category"]));
    }

    [Fact]
    public void AppSettings_SmallOffice_CarriesTheOfficeParameters()
    {
        var settings = template.AppSettings("main.small.bicepparam");

        Assert.Equal("Asia/Taipei", settings["Office__TimeZone"]);
        Assert.Equal("zh-TW", settings["Office__DefaultLocale"]);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings["Office__Directors__0"]);
        Assert.Equal("00000000-0000-0000-0000-000000000002", settings["Office__Leaders__0"]);
        Assert.Equal("calendars/tw-2026.ics", settings["Office__Calendar__IcsFiles__0"]);
        Assert.Equal(AzureTemplate.TenantId, settings["Office__Graph__TenantId"]);
        Assert.DoesNotContain("Office__CoordinationChannel", settings.Keys);
    }

    [Fact]
    public void AppSettings_ScaleOutOffice_ListsEveryDirectorAndDepartmentByIndex()
    {
        var settings = template.AppSettings("main.scaleout.bicepparam");

        Assert.Equal("00000000-0000-0000-0000-000000000001", settings["Office__Directors__0"]);
        Assert.Equal("00000000-0000-0000-0000-000000000003", settings["Office__Directors__1"]);
        Assert.Equal("综合处", settings["Office__Departments__0__Name"]);
        Assert.Equal("00000000-0000-0000-0000-000000000010", settings["Office__Departments__0__Head"]);
        Assert.Equal("00000000-0000-0000-0000-000000000011", settings["Office__Departments__0__Members__0"]);
        Assert.All(settings.Keys, key => Assert.DoesNotContain(':', key));
    }

    [Fact]
    public void Plan_ScaleOut_RunsSeveralInstancesBehindOneBot()
    {
        var small = template.PredictedResource("main.small.bicepparam", "Microsoft.Web/serverfarms")["sku"]!;
        var scaleOut = template.PredictedResource("main.scaleout.bicepparam", "Microsoft.Web/serverfarms")["sku"]!;

        Assert.Equal(1, (int?)small["capacity"]);
        Assert.True((int?)scaleOut["capacity"] > 1);
        Assert.Equal("Standard_ZRS", (string?)template.PredictedResource("main.scaleout.bicepparam", "Microsoft.Storage/storageAccounts")["sku"]!["name"]);
        Assert.NotNull(template.PredictedResource("main.scaleout.bicepparam", "Microsoft.BotService/botServices"));
        Assert.False((bool?)template.PredictedResource("main.scaleout.bicepparam", "Microsoft.Web/sites")["properties"]!["clientAffinityEnabled"]);
    }
}
