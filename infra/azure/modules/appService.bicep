param namePrefix string

@description('Globally unique name of the Web App; its host is <name>.azurewebsites.net.')
param webAppName string

param location string
param tags object

@description('App Service plan SKU: B1 or higher (always on needs Basic or above); P1v3 and up for zone redundancy.')
param planSku string

@description('Instances of the plan, each running the bot; they share the tables and the outbox.')
@minValue(1)
@maxValue(30)
param instanceCount int

param identityResourceId string
param identityClientId string
param identityTenantId string
param tableEndpoint string
param appInsightsConnectionString string
param workspaceId string

@description('The Office:* and Storage:* settings, as name/value pairs with __ for the : of nested keys.')
param officeSettings array

// Everything the app needs to run as the bot and reach its store with the identity; no key or secret among them.
var platformSettings = [
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identityClientId }
  { name: 'MicrosoftAppTenantId', value: identityTenantId }
  // DefaultAzureCredential takes the user-assigned identity only when told its client id.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'Storage__Tables__Endpoint', value: tableEndpoint }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Instances are interchangeable (state is in the tables), so no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appSettings: concat(platformSettings, officeSettings)
    }
  }
}

// No publishing user names and passwords: deployments (az webapp deploy) sign in with Entra ID.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Console output (the app's logs) and HTTP logs go to the same workspace as Application Insights.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

output defaultHostName string = webApp.properties.defaultHostName
output name string = webApp.name
